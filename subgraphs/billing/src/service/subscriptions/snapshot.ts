import type Stripe from 'stripe';
import type { SubscriptionStatus } from '../../entities';
import type { BillingInterval, PriceBook } from '../stripe/prices';

/** What billing keeps of a Stripe subscription, derived from it alone (so any order of reading it gives the same). */
export interface SubscriptionSnapshot {
  stripeSubscriptionId: string;
  plan: string;
  interval: BillingInterval;
  status: SubscriptionStatus;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  paused: boolean;
  scheduledPlan: string | null;
  /** The price's amount per interval, minor units. */
  amount: number;
  currency: string;
}

/**
 * Metadata of a downgrade: Stripe already bills the cheaper price from the next renewal
 * (changed with no proration), while Lattice keeps the dearer plan's limits until then.
 */
export const DOWNGRADE_FROM = 'lattice_downgrade_from';
export const DOWNGRADE_AT = 'lattice_downgrade_at';

const fromUnix = (seconds: number) => new Date(seconds * 1000);

/**
 * A Stripe subscription that is not a Lattice plan subscription: of a customer billing does
 * not know, of another product, or not in this Stripe account (a Stripe account may serve
 * more than Lattice). Webhooks about it are acknowledged and change nothing.
 */
export class NotLatticeSubscription extends Error {
  constructor(subscriptionId: string, why: string) {
    super(`subscription ${subscriptionId} is not a Lattice plan subscription: ${why}`);
    this.name = 'NotLatticeSubscription';
  }
}

export function snapshotOf(subscription: Stripe.Subscription, prices: PriceBook): SubscriptionSnapshot {
  const item = subscription.items.data[0];
  if (!item) throw new NotLatticeSubscription(subscription.id, 'it has no item');
  const pricePlan = prices.planOf(item.price);
  if (!pricePlan) throw new NotLatticeSubscription(subscription.id, `price ${item.price.id} is of no plan`);
  const downgradeFrom = subscription.metadata?.[DOWNGRADE_FROM];
  const downgradeAt = Number(subscription.metadata?.[DOWNGRADE_AT] ?? 0);
  const pending = Boolean(downgradeFrom) && item.current_period_start < downgradeAt;
  return {
    stripeSubscriptionId: subscription.id,
    plan: pending ? downgradeFrom! : pricePlan,
    interval: item.price.recurring?.interval === 'year' ? 'year' : 'month',
    status: statusOf(subscription),
    currentPeriodStart: fromUnix(item.current_period_start),
    currentPeriodEnd: fromUnix(item.current_period_end),
    trialEnd: subscription.trial_end ? fromUnix(subscription.trial_end) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    canceledAt: subscription.canceled_at ? fromUnix(subscription.canceled_at) : null,
    paused: Boolean(subscription.pause_collection),
    scheduledPlan: pending ? pricePlan : null,
    amount: item.price.unit_amount ?? 0,
    currency: item.price.currency,
  };
}

function statusOf(subscription: Stripe.Subscription): SubscriptionStatus {
  switch (subscription.status) {
    case 'canceled':
    case 'incomplete_expired':
      return 'canceled';
    case 'unpaid':
      return 'past_due';
    case 'paused':
      return 'paused';
    case 'trialing':
      return subscription.pause_collection ? 'paused' : 'trialing';
    case 'active':
      return subscription.pause_collection ? 'paused' : 'active';
    case 'past_due':
      return subscription.pause_collection ? 'paused' : 'past_due';
    default:
      return 'incomplete';
  }
}

/** Whether the plan's limits apply: trialing and paying (or retrying a payment), not paused. */
export const grantsPlan = (status: SubscriptionStatus) =>
  status === 'trialing' || status === 'active' || status === 'past_due';

/** What the subscription brings per month now (yearly prices spread over 12 months). */
export function monthlyAmountOf(
  snapshot: Pick<SubscriptionSnapshot, 'status' | 'amount' | 'interval'>,
): number {
  if (snapshot.status !== 'active' && snapshot.status !== 'past_due') return 0;
  return snapshot.interval === 'year' ? Math.floor(snapshot.amount / 12) : snapshot.amount;
}
