import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * One domain event, as analytics keeps it: who, what, when and about what. `data` holds only
 * the fields the metric registry allows (never the payload of a sensitive event).
 */
export class EventFact {
  id!: string;
  type!: string;
  occurredAt!: Date;
  actorId!: string | null;
  subject!: string;
  data!: Record<string, unknown> | null;
  recordedAt!: Date;
}

export const EventFactSchema = new EntitySchema<EventFact>({
  class: EventFact,
  tableName: 'event_fact',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    type: { type: 'string', length: 100 },
    occurredAt: { type: 'datetime', index: true },
    actorId: { type: 'string', length: 64, nullable: true },
    subject: { type: 'string', length: 255 },
    data: { type: 'json', nullable: true },
    recordedAt: { type: 'datetime' },
  },
  indexes: [{ properties: ['actorId', 'occurredAt'] }, { properties: ['type', 'occurredAt'] }],
});
