import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { discountsInEffect } from './discounts';
import {
  collectInvoice,
  defaultPaymentMethodOf,
  statusAfterCollection,
  type CollectionResult,
} from './invoice-collection';
import {
  buildInvoice,
  finalizeInvoice,
  markInvoiceUncollectible,
  recordInvoice,
  voidInvoice,
} from './invoices';
import { quantityOf } from './items';
import { periodEndAfter, periodLine, productName } from './periods';
import type { LineDraft } from './state';

/** Drops the `once` discounts an earlier invoice used up. */
export function dropUsedDiscounts(ctx: Ctx, subscription: Stripe.Subscription): void {
  const used = ctx.sim.billing.usedDiscounts;
  subscription.discounts = subscription.discounts.filter(
    (entry) => !used.has(typeof entry === 'string' ? entry : entry.id),
  );
}

/** Takes the prorations waiting for the subscription's next invoice. */
export function takePendingLines(ctx: Ctx, subscription: Stripe.Subscription): LineDraft[] {
  const lines = ctx.sim.billing.pendingLines.get(subscription.id) ?? [];
  ctx.sim.billing.pendingLines.delete(subscription.id);
  return lines;
}

/**
 * Collects an invoice of a subscription as its settings say: paused collection voids it, keeps
 * it as a draft or marks it uncollectible; otherwise it is charged to the default payment method
 * and the subscription's status follows the outcome.
 */
export function collectSubscriptionInvoice(
  ctx: Ctx,
  subscription: Stripe.Subscription,
  invoice: Stripe.Invoice,
): CollectionResult | 'held' {
  const pause = subscription.pause_collection?.behavior;
  if (pause === 'void') {
    voidInvoice(ctx, invoice);
    return 'held';
  }
  if (pause === 'keep_as_draft') {
    invoice.auto_advance = false;
    return 'held';
  }
  if (pause === 'mark_uncollectible') {
    finalizeInvoice(ctx, invoice);
    markInvoiceUncollectible(ctx, invoice);
    return 'held';
  }
  const result = collectInvoice(ctx, invoice, {
    paymentMethod: defaultPaymentMethodOf(ctx, subscription),
    attempt: true,
  });
  subscription.status = statusAfterCollection(ctx, subscription, invoice, result);
  return result;
}

/**
 * Starts a new billing period at `at` for every item (the period ends at the next anchor +
 * interval) and invoices it, with the pending prorations and `extraLines` first.
 */
export function billNewPeriod(
  ctx: Ctx,
  subscription: Stripe.Subscription,
  options: {
    at: number;
    reason: Stripe.Invoice.BillingReason;
    invoicePeriod: { start: number; end: number };
    extraLines?: LineDraft[];
  },
): CollectionResult | 'held' {
  const { at } = options;
  const end = periodEndAfter(subscription.billing_cycle_anchor, subscription.items.data[0]!.price, at);
  for (const item of subscription.items.data) {
    item.current_period_start = at;
    item.current_period_end = end;
  }
  dropUsedDiscounts(ctx, subscription);
  const lines = [
    ...takePendingLines(ctx, subscription),
    ...(options.extraLines ?? []),
    ...subscription.items.data.map((item) =>
      periodLine(
        { id: item.id, price: item.price, quantity: quantityOf(item) },
        productName(ctx, item.price),
        { start: at, end },
      ),
    ),
  ];
  const invoice = buildInvoice(ctx, {
    subscription,
    reason: options.reason,
    lines,
    period: options.invoicePeriod,
    discounts: discountsInEffect(ctx, subscription, at),
  });
  recordInvoice(ctx, invoice, subscription);
  return collectSubscriptionInvoice(ctx, subscription, invoice);
}
