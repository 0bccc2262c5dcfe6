import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { entitlementsChanged } from '@lattice/entitlements';
import { createEvent, type EventData, recordEvent } from '@lattice/events';
import Stripe from 'stripe';
import { BillingCustomer, PlanSubscription } from '../../entities';
import type { BillingRuntime } from '../../runtime';
import { expireSubscriptionCredits, replaceSubscriptionCredits } from '../credits';
import { userOfCustomer } from '../customers';
import { entitlementsOf } from './entitlements';
import {
  grantsPlan,
  monthlyAmountOf,
  NotLatticeSubscription,
  snapshotOf,
  type SubscriptionSnapshot,
} from './snapshot';

type Change = EventData<'billing.plan_changed'>['change'];

/**
 * Brings billing's copy of a Stripe subscription up to date. Every path (a mutation's answer,
 * any webhook, in any order, any number of times) ends here: it takes the user's lock, reads
 * the subscription from Stripe as it is now, and writes that. Since every writer reads
 * Stripe's current state while holding the lock, the last write is the newest state, and an
 * old or repeated event cannot move anything backwards. Events follow what changed.
 */
export async function syncSubscription(
  em: EntityManager,
  runtime: BillingRuntime,
  stripeSubscriptionId: string,
): Promise<PlanSubscription> {
  return em.transactional(async (tx) => {
    // A subscription billing already has names its user; only a new one is asked of Stripe first.
    const known = await tx.findOne(PlanSubscription, { stripeSubscriptionId });
    const userId = known?.userId ?? (await ownerOf(tx, await retrieve(runtime, stripeSubscriptionId)));
    await tx.findOne(BillingCustomer, { userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // Read under the lock: a writer that held it before us may have moved it on.
    const subscription = await retrieve(runtime, stripeSubscriptionId);
    const next = snapshotOf(subscription, runtime.prices);
    const row = await tx.findOne(PlanSubscription, { stripeSubscriptionId }, { refresh: true });
    const before = row ? { ...row } : undefined;
    // Only one subscription per user is live; a canceled one never comes back.
    if (row && !row.live) return row;
    const current = row ?? tx.create(PlanSubscription, { userId, ...pick(next) });
    Object.assign(current, pick(next), { live: next.status !== 'canceled', updatedAt: new Date() });
    await recordChanges(tx, runtime, userId, before, next);
    await tx.flush();
    return current;
  });
}

function pick(snapshot: SubscriptionSnapshot) {
  const { amount: _amount, currency: _currency, ...fields } = snapshot;
  return fields;
}

async function retrieve(runtime: BillingRuntime, id: string): Promise<Stripe.Subscription> {
  try {
    return await runtime.stripe.stripe.subscriptions.retrieve(id);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing')
      throw new NotLatticeSubscription(id, 'Stripe has no such subscription');
    throw error;
  }
}

async function ownerOf(em: EntityManager, subscription: Stripe.Subscription): Promise<string> {
  const customerId =
    typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id;
  const userId = await userOfCustomer(em, customerId);
  if (!userId) throw new NotLatticeSubscription(subscription.id, `customer ${customerId} is no user's`);
  return userId;
}

/**
 * The events a change of subscription makes, the plan's credits at each new period, and their
 * expiry when it ends.
 */
async function recordChanges(
  em: EntityManager,
  runtime: BillingRuntime,
  userId: string,
  before: PlanSubscription | undefined,
  next: SubscriptionSnapshot,
): Promise<void> {
  const change = changeOf(runtime, before, next);
  if (change) {
    const fromPlan = before && grantsPlan(before.status) ? before.plan : 'free';
    recordEvent(
      em,
      createEvent('billing.plan_changed', {
        actor: userId,
        subject: userId,
        data: {
          userId,
          change,
          fromPlan,
          toPlan: grantsPlan(next.status) ? next.plan : 'free',
          status: next.status,
          monthlyAmount: monthlyAmountOf(next),
          currency: next.currency,
        },
      }),
    );
  }
  const previous = before && entitlementsOf(runtime.plans, before);
  const now = entitlementsOf(runtime.plans, next);
  if (
    !previous ||
    previous.plan !== now.plan ||
    previous.periodStart !== now.periodStart ||
    previous.periodEnd !== now.periodEnd
  ) {
    const event = createEvent('billing.entitlements_changed', {
      actor: null,
      subject: userId,
      data: { userId, ...now },
    });
    recordEvent(em, event);
    // Billing's own copy, for `User.usage` (metered domains keep theirs from the event).
    await entitlementsChanged(em, event, undefined);
  }
  const newPeriod = !before || before.currentPeriodStart.getTime() !== next.currentPeriodStart.getTime();
  if (grantsPlan(next.status) && (newPeriod || before?.plan !== next.plan)) {
    const credits = runtime.plans.get(next.plan)?.creditsPerPeriod ?? 0;
    await replaceSubscriptionCredits(em, {
      userId,
      amount: credits,
      key: `plan-credits:${next.stripeSubscriptionId}:${next.plan}:${next.currentPeriodStart.toISOString()}`,
    });
  }
  if (before && next.status === 'canceled') {
    await expireSubscriptionCredits(em, { userId, key: `plan-credits:${next.stripeSubscriptionId}:ended` });
  }
}

function changeOf(
  runtime: BillingRuntime,
  before: PlanSubscription | undefined,
  next: SubscriptionSnapshot,
): Change | undefined {
  if (!before) return next.status === 'canceled' ? undefined : 'subscribed';
  if (next.status === 'canceled') return 'ended';
  if (before.plan !== next.plan) {
    const rank = (plan: string) => runtime.plans.get(plan)?.rank ?? 0;
    return rank(next.plan) > rank(before.plan) ? 'upgraded' : 'downgraded';
  }
  if (!before.paused && next.paused) return 'paused';
  if ((before.paused && !next.paused) || (before.cancelAtPeriodEnd && !next.cancelAtPeriodEnd))
    return 'resumed';
  if (!before.cancelAtPeriodEnd && next.cancelAtPeriodEnd) return 'canceled';
  if (before.currentPeriodStart.getTime() !== next.currentPeriodStart.getTime()) return 'renewed';
  if (before.status !== next.status) return 'renewed';
  return undefined;
}
