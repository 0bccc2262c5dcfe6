import type { EventEnvelope } from '@lattice/events';
import type { EventApplier } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { claimSpend, countSpend, isMeter, METERS, upsertAllowance } from './store';

/**
 * `billing.entitlements_changed`, in a metered domain: keeps the user's latest allowance
 * (plan, period, limits), unless the stored one comes from a later event. A payload that
 * breaks the contract throws (the bus retries, then dead-letters it) rather than storing
 * limits nobody meant.
 */
export const entitlementsChanged: EventApplier<unknown, 'billing.entitlements_changed'> = async (
  em,
  event,
) => {
  const { userId, plan, periodStart, periodEnd, limits } = event.data;
  const start = instant(event, 'periodStart', periodStart);
  const end = instant(event, 'periodEnd', periodEnd);
  if (end.getTime() <= start.getTime())
    throw invalid(event, `periodEnd ${periodEnd} is not after periodStart ${periodStart}`);
  for (const meter of METERS) {
    const limit: unknown = limits?.[meter];
    if (limit !== null && !(typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 0))
      throw invalid(event, `limits.${meter} must be a whole number ≥ 0 or null, got ${String(limit)}`);
  }
  await upsertAllowance(em, {
    userId,
    plan,
    periodStart: start,
    periodEnd: end,
    limits,
    eventId: event.id,
    eventOccurredAt: instant(event, 'occurredAt', event.occurredAt),
  });
};

/**
 * `usage.recorded`, in billing: adds the spend to billing's own copy of the counters (the
 * same tables, in billing's schema). The kit applies each event id once; the (meter, key)
 * claim also counts a spend once should it be published twice under two ids.
 */
export const usageRecorded: EventApplier<unknown, 'usage.recorded'> = async (em: EntityManager, event) => {
  const { userId, meter, amount, key, periodStart, periodEnd, limit } = event.data;
  if (!isMeter(meter)) throw invalid(event, `unknown meter ${JSON.stringify(meter)}`);
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw invalid(event, `amount must be a whole number ≥ 0, got ${String(amount)}`);
  const spend = {
    userId,
    meter,
    key,
    amount,
    periodStart: instant(event, 'periodStart', periodStart),
    periodEnd: instant(event, 'periodEnd', periodEnd),
    limit: limit ?? null,
  };
  if (await claimSpend(em, spend)) await countSpend(em, spend, null);
};

function instant(event: EventEnvelope, field: string, value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw invalid(event, `${field} is not an ISO timestamp: ${String(value)}`);
  return date;
}

function invalid(event: EventEnvelope, problem: string): Error {
  return new Error(`${event.type} ${event.id} breaks its contract: ${problem}`);
}
