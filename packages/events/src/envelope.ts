import { v7 as timeOrderedUuid } from 'uuid';
import { EVENT_VERSIONS, type EventData, type EventType } from './contracts';

/** What travels on the bus: one domain fact, immutable, identified by `id`. */
export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  /** ISO-8601 timestamp of the domain change. */
  occurredAt: string;
  /** The user who caused the change, or null for the system. */
  actor: string | null;
  /** Key of the entity the event is about (e.g. a user id). */
  subject: string;
  data: EventData<T>;
}

export function createEvent<T extends EventType>(
  type: T,
  fields: { actor: string | null; subject: string; data: EventData<T> },
): EventEnvelope<T> {
  return {
    // Time-ordered and monotonic within a process: events recorded in the same millisecond
    // (a ban's status change, then its sessions' revocations) keep their order in the outbox,
    // which publishes by (occurredAt, id).
    id: timeOrderedUuid(),
    type,
    version: EVENT_VERSIONS[type],
    occurredAt: new Date().toISOString(),
    ...fields,
  };
}
