import type { EventData } from '@lattice/events';
import type { PlanCatalogue } from '@lattice/entitlements';
import type { SubscriptionStatus } from '../../entities';
import { grantsPlan } from './snapshot';

type Entitlements = Omit<EventData<'billing.entitlements_changed'>, 'userId'>;

/** The UTC calendar month holding `at`: the free plan's period. */
export function calendarMonthOf(at: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const end = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { start, end };
}

/**
 * What a subscription lets its user spend: its plan over its period while it grants the plan
 * (trialing, active, past due), else the free plan over the calendar month.
 */
export function entitlementsOf(
  plans: PlanCatalogue,
  subscription: {
    plan: string;
    status: SubscriptionStatus;
    currentPeriodStart: Date;
    currentPeriodEnd: Date;
  },
  now = new Date(),
): Entitlements {
  const paid = grantsPlan(subscription.status) ? plans.get(subscription.plan) : undefined;
  if (paid) {
    return {
      plan: paid.id,
      periodStart: subscription.currentPeriodStart.toISOString(),
      periodEnd: subscription.currentPeriodEnd.toISOString(),
      limits: paid.limits,
    };
  }
  const month = calendarMonthOf(now);
  return {
    plan: plans.free.id,
    periodStart: month.start.toISOString(),
    periodEnd: month.end.toISOString(),
    limits: plans.free.limits,
  };
}
