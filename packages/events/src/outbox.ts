import { type EntityManager, EntitySchema } from '@mikro-orm/postgresql';
import type { EventEnvelope } from './envelope';

/** An event written in the transaction of its domain change, waiting for the relay. */
export class OutboxEvent {
  id!: string;
  type!: string;
  version!: number;
  occurredAt!: Date;
  actor!: string | null;
  subject!: string;
  data!: unknown;
  /** Set by the relay once the bus has the event; null while waiting. */
  publishedAt!: Date | null;
}

/** Table `outbox_event` in the ORM's configured schema (one outbox per subgraph schema). */
export const OutboxEventSchema = new EntitySchema<OutboxEvent>({
  class: OutboxEvent,
  tableName: 'outbox_event',
  indexes: [{ properties: ['publishedAt', 'occurredAt'] }],
  properties: {
    id: { type: 'string', length: 255, primary: true },
    type: { type: 'string', length: 255 },
    version: { type: 'integer' },
    occurredAt: { type: 'datetime' },
    actor: { type: 'string', length: 255, nullable: true },
    subject: { type: 'string', length: 255 },
    data: { type: 'json' },
    publishedAt: { type: 'datetime', nullable: true },
  },
});

export function outboxEventFrom(event: EventEnvelope): OutboxEvent {
  const row = new OutboxEvent();
  row.id = event.id;
  row.type = event.type;
  row.version = event.version;
  row.occurredAt = new Date(event.occurredAt);
  row.actor = event.actor;
  row.subject = event.subject;
  row.data = event.data;
  row.publishedAt = null;
  return row;
}

export function envelopeFrom(row: OutboxEvent): EventEnvelope {
  return {
    id: row.id,
    type: row.type as EventEnvelope['type'],
    version: row.version,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actor,
    subject: row.subject,
    data: row.data as EventEnvelope['data'],
  };
}

/** Persists the event so the next flush writes it in the same transaction as the domain change. */
export function recordEvent(em: EntityManager, event: EventEnvelope): void {
  em.persist(outboxEventFrom(event));
}
