import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { now } from '../context';
import { newId } from '../core/ids';

/** The legacy `plan` that mirrors a recurring price on subscription items. */
export function planOf(price: Stripe.Price): Stripe.Plan {
  const recurring = price.recurring!;
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: recurring.interval,
    interval_count: recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: recurring.trial_period_days,
    usage_type: 'licensed',
  };
}

export function newSubscriptionItem(
  ctx: Ctx,
  subscription: string,
  spec: { price: Stripe.Price; quantity: number; metadata: Record<string, string> },
  period: { start: number; end: number },
  id = newId('si'),
): Stripe.SubscriptionItem {
  return {
    id,
    object: 'subscription_item',
    billing_thresholds: null,
    created: now(ctx),
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata: spec.metadata,
    plan: planOf(spec.price),
    price: spec.price,
    quantity: spec.quantity,
    subscription,
    tax_rates: [],
  };
}

/** The item's quantity (always set by the simulator, optional in the SDK's type). */
export function quantityOf(item: Stripe.SubscriptionItem): number {
  return item.quantity ?? 1;
}

/** The current billing period, shared by all the subscription's items. */
export function currentPeriod(subscription: Stripe.Subscription): { start: number; end: number } {
  const item = subscription.items.data[0]!;
  return { start: item.current_period_start, end: item.current_period_end };
}
