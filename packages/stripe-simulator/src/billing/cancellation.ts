import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit, now } from '../context';
import { invalidRequest } from '../core/errors';
import { collectSubscriptionInvoice, dropUsedDiscounts, takePendingLines } from './cycles';
import { discountsInEffect } from './discounts';
import { buildInvoice, recordInvoice } from './invoices';
import { currentPeriod, quantityOf } from './items';
import { productName, prorationLines } from './periods';

export function assertNotCanceled(subscription: Stripe.Subscription): void {
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    throw invalidRequest(`A canceled subscription can only update its cancellation_details and metadata.`, {
      code: 'invalid_canceled_subscription_fields',
    });
  }
}

/** Ends a subscription now (or at `endedAt`), announcing `customer.subscription.deleted`. */
export function endSubscription(ctx: Ctx, subscription: Stripe.Subscription, endedAt = now(ctx)): void {
  subscription.status = subscription.status === 'incomplete' ? 'incomplete_expired' : 'canceled';
  subscription.ended_at = endedAt;
  subscription.canceled_at ??= endedAt;
  subscription.cancellation_details ??= {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: null,
  };
  subscription.cancellation_details.reason ??= 'cancellation_requested';
  ctx.sim.billing.pendingLines.delete(subscription.id);
  emit(ctx, 'customer.subscription.deleted', subscription);
}

/**
 * `DELETE /v1/subscriptions/:id`: ends the subscription now. With `invoice_now` and `prorate`,
 * a final invoice credits the unused time (and bills pending prorations); a credit goes to the
 * customer's balance.
 */
export function cancelSubscription(
  ctx: Ctx,
  subscription: Stripe.Subscription,
  options: { invoiceNow: boolean; prorate: boolean },
): void {
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    throw invalidRequest('This subscription has already been canceled.', { code: 'resource_missing' });
  }
  if (options.invoiceNow && subscription.status !== 'incomplete') {
    const at = now(ctx);
    const credits =
      options.prorate && subscription.status !== 'trialing'
        ? subscription.items.data.flatMap((item) =>
            prorationLines(
              {
                item: item.id,
                from: { price: item.price, quantity: quantityOf(item), name: productName(ctx, item.price) },
              },
              at,
              currentPeriod(subscription),
            ),
          )
        : [];
    const lines = [...takePendingLines(ctx, subscription), ...credits];
    if (lines.length > 0) {
      dropUsedDiscounts(ctx, subscription);
      const invoice = buildInvoice(ctx, {
        subscription,
        reason: 'subscription_cycle',
        lines,
        period: { start: at, end: at },
        discounts: discountsInEffect(ctx, subscription, at),
      });
      recordInvoice(ctx, invoice, subscription);
      collectSubscriptionInvoice(ctx, subscription, invoice);
    }
  }
  subscription.canceled_at = now(ctx);
  endSubscription(ctx, subscription);
}
