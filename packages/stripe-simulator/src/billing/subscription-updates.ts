import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { emitChange, now } from '../context';
import { invalidRequest } from '../core/errors';
import { newId } from '../core/ids';
import { snapshot } from '../core/wire';
import { assertNotCanceled } from './cancellation';
import { billNewPeriod } from './cycles';
import { createDiscount } from './discounts';
import { defaultPaymentMethodOf } from './invoice-collection';
import { changeItems, planItemChange, type ItemChangeRequest } from './item-changes';
import { currentPeriod } from './items';

export type { ItemChange } from './item-changes';

export interface SubscriptionUpdate extends ItemChangeRequest {
  cancelAtPeriodEnd?: boolean;
  cancelAt?: number | null;
  pauseCollection?: Stripe.Subscription.PauseCollection | null;
  defaultPaymentMethod?: string | null;
  metadata?: (target: Record<string, string>) => void;
  description?: string | null;
  trialEnd?: number | 'now';
  coupons?: Stripe.Coupon[] | null;
}

function changeTrialEnd(ctx: Ctx, subscription: Stripe.Subscription, trialEnd: number | 'now'): void {
  if (subscription.status !== 'trialing') {
    throw invalidRequest('The simulator changes trial_end only while the subscription is trialing.', {
      param: 'trial_end',
    });
  }
  const at = trialEnd === 'now' ? now(ctx) : trialEnd;
  if (at <= now(ctx)) {
    subscription.trial_end = now(ctx);
    subscription.billing_cycle_anchor = now(ctx);
    billNewPeriod(ctx, subscription, {
      at: now(ctx),
      reason: 'subscription_update',
      invoicePeriod: { start: now(ctx), end: now(ctx) },
    });
    return;
  }
  subscription.trial_end = at;
  subscription.billing_cycle_anchor = at;
  for (const item of subscription.items.data) item.current_period_end = at;
  if (subscription.cancel_at_period_end) subscription.cancel_at = at;
}

function setCancellation(ctx: Ctx, subscription: Stripe.Subscription, update: SubscriptionUpdate): void {
  const details = (subscription.cancellation_details ??= {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: null,
  });
  if (update.cancelAtPeriodEnd !== undefined) {
    subscription.cancel_at_period_end = update.cancelAtPeriodEnd;
    subscription.cancel_at = update.cancelAtPeriodEnd ? currentPeriod(subscription).end : null;
  }
  if (update.cancelAt !== undefined) {
    subscription.cancel_at = update.cancelAt;
    subscription.cancel_at_period_end = false;
  }
  const scheduled = subscription.cancel_at !== null;
  subscription.canceled_at = scheduled ? (subscription.canceled_at ?? now(ctx)) : null;
  details.reason = scheduled ? 'cancellation_requested' : null;
}

/** `POST /v1/subscriptions/:id`; announces `customer.subscription.updated` with what changed. */
export function updateSubscription(
  ctx: Ctx,
  subscription: Stripe.Subscription,
  update: SubscriptionUpdate,
): void {
  const onlyMetadata =
    update.items.length === 0 &&
    Object.entries(update).every(
      ([key, value]) =>
        value === undefined || ['items', 'metadata', 'prorationBehavior', 'paymentBehavior'].includes(key),
    );
  if (!onlyMetadata) assertNotCanceled(subscription);
  if (update.items.length > 0 && subscription.status === 'incomplete') {
    throw invalidRequest(
      'You cannot update the items of an incomplete subscription; pay or cancel its first invoice.',
      {
        param: 'items',
      },
    );
  }
  const paymentMethod =
    update.defaultPaymentMethod !== undefined
      ? (update.defaultPaymentMethod ??
        defaultPaymentMethodOf(ctx, { ...subscription, default_payment_method: null }))
      : defaultPaymentMethodOf(ctx, subscription);
  const itemPlan =
    update.items.length > 0 ? planItemChange(ctx, subscription, update, paymentMethod) : undefined;

  const before = snapshot(subscription);
  update.metadata?.(subscription.metadata);
  if (update.description !== undefined) subscription.description = update.description;
  if (update.defaultPaymentMethod !== undefined) {
    subscription.default_payment_method = update.defaultPaymentMethod;
  }
  if (update.pauseCollection !== undefined) subscription.pause_collection = update.pauseCollection;
  if (update.coupons !== undefined) {
    subscription.discounts = (update.coupons ?? []).map(
      (coupon) =>
        createDiscount(
          ctx,
          { discount: newId('di'), coupon },
          { customer: subscription.customer as string, subscription: subscription.id },
        ).id,
    );
  }
  if (itemPlan) changeItems(ctx, subscription, update, itemPlan);
  if (update.trialEnd !== undefined) changeTrialEnd(ctx, subscription, update.trialEnd);
  if (update.cancelAtPeriodEnd !== undefined || update.cancelAt !== undefined) {
    setCancellation(ctx, subscription, update);
  }
  emitChange(ctx, 'customer.subscription.updated', before, subscription);
}
