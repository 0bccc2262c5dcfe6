import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { badUserInput, conflict, notFound, validateInput } from '@lattice/server-kit';
import { BillingCustomer, PlanSubscription } from '../../entities';
import type { BillingRuntime } from '../../runtime';
import { ensureCustomer, savePaymentMethod } from '../customers';
import { redeemPromoCode, releasePromoRedemption } from '../promo-codes';
import { fromStripe } from '../stripe/errors';
import { promoCoupon } from '../stripe/coupons';
import { DOWNGRADE_AT, DOWNGRADE_FROM } from './snapshot';
import { syncSubscription } from './sync';

const subscribeInput = z.object({
  plan: z.string().min(1).max(64),
  interval: z.enum(['month', 'year']).default('month'),
  trialDays: z.number().int().min(0).max(90).nullish(),
  promoCode: z.string().trim().min(1).max(64).nullish(),
  paymentMethod: z.string().trim().min(1).max(255).nullish(),
});

/**
 * Subscribes `userId` to a paid plan: with a trial (once per user), nothing is charged until
 * it ends; without, the first period is charged at once and a declined card leaves nothing behind
 * (Stripe's `error_if_incomplete`). Subscribes of one user queue on their customer row, so of
 * two at once the second finds the first's subscription (CONFLICT) before asking Stripe.
 */
export async function subscribeToPlan(
  em: EntityManager,
  runtime: BillingRuntime,
  userId: string,
  rawInput: unknown,
): Promise<PlanSubscription> {
  const input = validateInput(subscribeInput, rawInput, 'input');
  const plan = runtime.plans.get(input.plan);
  if (!plan) throw badUserInput(`input.plan: no plan ${input.plan}`, 'input.plan');
  const price = runtime.prices.priceOf(plan.id, input.interval);
  if (!price) throw badUserInput(`input.plan: ${plan.id} is not sold per ${input.interval}`, 'input.plan');
  if (await liveSubscription(em, userId)) throw alreadySubscribed();
  const { stripe } = runtime.stripe;
  await ensureCustomer(em, stripe, userId);
  // Redeemed in a transaction of its own: a popular code is not locked while Stripe answers.
  const promo = input.promoCode
    ? await em.transactional((tx) =>
        redeemPromoCode(tx, {
          userId,
          code: input.promoCode!,
          currency: plan.prices[input.interval]!.currency,
        }),
      )
    : undefined;
  try {
    return await em.transactional(async (tx) => {
      const customer = await tx.findOneOrFail(
        BillingCustomer,
        { userId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (await liveSubscription(tx, userId)) throw alreadySubscribed();
      const trialDays = await trialDaysOf(tx, userId, input.trialDays, plan.trialDays);
      if (input.paymentMethod)
        await savePaymentMethod(tx, stripe, customer, input.paymentMethod, 'input.paymentMethod');
      if (trialDays === 0 && !customer.paymentMethodId) {
        throw badUserInput(
          'input.paymentMethod: a card is needed to subscribe without a trial',
          'input.paymentMethod',
        );
      }
      // One key per subscription of this user: a retried mutation meets the same Stripe subscription.
      const ordinal = await tx.count(PlanSubscription, { userId });
      const coupon = promo ? await promoCoupon(tx, stripe, promo) : undefined;
      const subscription = await fromStripe(
        () =>
          stripe.subscriptions.create(
            {
              customer: customer.stripeCustomerId,
              items: [{ price }],
              ...(trialDays > 0 ? { trial_period_days: trialDays } : {}),
              ...(coupon ? { discounts: [{ coupon }] } : {}),
              payment_behavior: 'error_if_incomplete',
              metadata: { userId, plan: plan.id },
            },
            {
              idempotencyKey: `lattice:subscribe:${userId}:${ordinal}:${plan.id}:${input.interval}:${trialDays}`,
            },
          ),
        { payment_method: 'input.paymentMethod' },
      );
      return await syncSubscription(tx, runtime, subscription.id);
    });
  } catch (error) {
    if (promo) await releasePromoRedemption(em, { userId, promoCodeId: promo.id });
    throw error;
  }
}

const alreadySubscribed = () =>
  conflict('You already have a subscription: change its plan instead', 'input.plan');

/**
 * One free trial per user (the plan's length unless asked otherwise): canceling and
 * subscribing again must not make trials, and the plan's credits with them, endless.
 */
async function trialDaysOf(
  em: EntityManager,
  userId: string,
  asked: number | null | undefined,
  planTrial: number,
): Promise<number> {
  const hadTrial = (await em.count(PlanSubscription, { userId, trialEnd: { $ne: null } })) > 0;
  if (!hadTrial) return asked ?? planTrial;
  if (asked) throw badUserInput('input.trialDays: your account has had its free trial', 'input.trialDays');
  return 0;
}

/**
 * Upgrade (a higher rank): the new plan at once, the rest of the period charged prorated now.
 * Downgrade: Stripe bills the new price from the next renewal, and the current plan's limits
 * stay until then. Back to the current plan: a scheduled downgrade is undone.
 */
export async function changePlan(
  em: EntityManager,
  runtime: BillingRuntime,
  userId: string,
  planId: string,
): Promise<PlanSubscription> {
  const current = await requireLive(em, userId);
  const target = runtime.plans.get(planId);
  const from = runtime.plans.get(current.plan)!;
  if (!target) throw badUserInput(`plan: no plan ${planId}`, 'plan');
  const price = runtime.prices.priceOf(target.id, current.interval);
  if (!price)
    throw badUserInput(`plan: ${target.id} is not a paid plan; cancel the subscription instead`, 'plan');
  const { stripe } = runtime.stripe;
  const subscription = await stripe.subscriptions.retrieve(current.stripeSubscriptionId);
  const item = subscription.items.data[0]!;
  const key = `lattice:change-plan:${current.stripeSubscriptionId}:${item.current_period_start}:${item.price.id}:${price}`;
  if (target.id === current.plan) {
    if (!current.scheduledPlan) return current;
    await stripe.subscriptions.update(
      current.stripeSubscriptionId,
      {
        items: [{ id: item.id, price }],
        proration_behavior: 'none',
        metadata: { [DOWNGRADE_FROM]: '', [DOWNGRADE_AT]: '', plan: target.id },
      },
      { idempotencyKey: key },
    );
  } else if (target.rank > from.rank) {
    await fromStripe(() =>
      stripe.subscriptions.update(
        current.stripeSubscriptionId,
        {
          items: [{ id: item.id, price }],
          proration_behavior: 'always_invoice',
          payment_behavior: 'error_if_incomplete',
          metadata: { [DOWNGRADE_FROM]: '', [DOWNGRADE_AT]: '', plan: target.id },
        },
        { idempotencyKey: key },
      ),
    );
  } else {
    await stripe.subscriptions.update(
      current.stripeSubscriptionId,
      {
        items: [{ id: item.id, price }],
        proration_behavior: 'none',
        metadata: {
          [DOWNGRADE_FROM]: current.plan,
          [DOWNGRADE_AT]: String(item.current_period_end),
          plan: target.id,
        },
      },
      { idempotencyKey: key },
    );
  }
  return syncSubscription(em, runtime, current.stripeSubscriptionId);
}

/** At the period's end (the plan stays until then), or at once (no refund of the period). */
export async function cancelSubscription(
  em: EntityManager,
  runtime: BillingRuntime,
  userId: string,
  atPeriodEnd: boolean,
): Promise<PlanSubscription> {
  const current = await requireLive(em, userId);
  const { stripe } = runtime.stripe;
  if (atPeriodEnd) {
    if (!current.cancelAtPeriodEnd) {
      await stripe.subscriptions.update(
        current.stripeSubscriptionId,
        { cancel_at_period_end: true },
        {
          idempotencyKey: `lattice:cancel-at-end:${current.stripeSubscriptionId}:${current.currentPeriodEnd.getTime()}`,
        },
      );
    }
  } else {
    await stripe.subscriptions.cancel(current.stripeSubscriptionId, undefined, {
      idempotencyKey: `lattice:cancel:${current.stripeSubscriptionId}`,
    });
  }
  return syncSubscription(em, runtime, current.stripeSubscriptionId);
}

/** Undoes what is pending: a pause, a cancellation at period end, a scheduled downgrade. */
export async function resumeSubscription(
  em: EntityManager,
  runtime: BillingRuntime,
  userId: string,
): Promise<PlanSubscription> {
  const current = await requireLive(em, userId);
  if (current.scheduledPlan) await changePlan(em, runtime, userId, current.plan);
  if (current.paused || current.cancelAtPeriodEnd) {
    await runtime.stripe.stripe.subscriptions.update(current.stripeSubscriptionId, {
      ...(current.paused ? { pause_collection: '' as const } : {}),
      ...(current.cancelAtPeriodEnd ? { cancel_at_period_end: false } : {}),
    });
  }
  return syncSubscription(em, runtime, current.stripeSubscriptionId);
}

/** Renewals are not charged while paused; the free plan's limits apply until resumed. */
export async function pauseSubscription(
  em: EntityManager,
  runtime: BillingRuntime,
  userId: string,
): Promise<PlanSubscription> {
  const current = await requireLive(em, userId);
  if (!current.paused) {
    await runtime.stripe.stripe.subscriptions.update(
      current.stripeSubscriptionId,
      { pause_collection: { behavior: 'void' } },
      { idempotencyKey: `lattice:pause:${current.stripeSubscriptionId}:${current.updatedAt.getTime()}` },
    );
  }
  return syncSubscription(em, runtime, current.stripeSubscriptionId);
}

export function liveSubscription(em: EntityManager, userId: string): Promise<PlanSubscription | null> {
  return em.findOne(PlanSubscription, { userId, live: true });
}

async function requireLive(em: EntityManager, userId: string): Promise<PlanSubscription> {
  const current = await liveSubscription(em, userId);
  if (!current) throw notFound('You have no subscription: subscribe to a plan first');
  return current;
}
