import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import type { MetricRegistry } from '../metrics';

/** A recorded event as it travels to live subscribers (and `PlatformEvent`'s parent). */
export interface PlatformEventRecord {
  id: string;
  type: string;
  /** ISO-8601. */
  occurredAt: string;
  actorId: string | null;
  subject: string;
  data: Record<string, unknown> | null;
}

/** The UTC day of an ISO-8601 timestamp, `YYYY-MM-DD`. */
export const utcDay = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/**
 * Stores the fact of `event` and adds it to its daily rollups, on `em`'s transaction (the
 * consumer's, which also records the event as processed: a redelivery adds nothing).
 */
export async function recordFact(
  em: EntityManager,
  event: EventEnvelope,
  registry: MetricRegistry,
): Promise<PlatformEventRecord> {
  const record: PlatformEventRecord = {
    id: event.id,
    type: event.type,
    occurredAt: new Date(event.occurredAt).toISOString(),
    actorId: event.actor,
    subject: event.subject,
    data: registry.keptData(event),
  };
  await em.execute(
    `insert into analytics.event_fact (id, type, occurred_at, actor_id, subject, data, recorded_at)
     values (?, ?, ?, ?, ?, ?::jsonb, now()) on conflict (id) do nothing`,
    [
      record.id,
      record.type,
      record.occurredAt,
      record.actorId,
      record.subject,
      record.data ? JSON.stringify(record.data) : null,
    ],
    'run',
  );
  const day = utcDay(record.occurredAt);
  // One statement for every metric the event counts in (summed first: an upsert may not touch
  // one row twice).
  const totals = new Map<string, number>();
  for (const { metric, amount } of registry.increments(event)) {
    totals.set(metric, (totals.get(metric) ?? 0) + amount);
  }
  await em.execute(
    `insert into analytics.daily_metric (day, metric, value)
     values ${[...totals].map(() => '(?, ?, ?)').join(', ')}
     on conflict (day, metric) do update set value = daily_metric.value + excluded.value`,
    [...totals].flatMap(([metric, amount]) => [day, metric, amount]),
    'run',
  );
  if (record.actorId) {
    await em.execute(
      `insert into analytics.daily_user_activity (day, user_id, events) values (?, ?, 1)
       on conflict (day, user_id) do update set events = daily_user_activity.events + 1`,
      [day, record.actorId],
      'run',
    );
  }
  return record;
}
