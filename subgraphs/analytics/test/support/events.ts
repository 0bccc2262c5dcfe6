import { randomUUID } from 'node:crypto';
import { createEvent, type EventData, type EventEnvelope, type EventType } from '@lattice/events';

/** An event of `type` by `actor`, optionally back-dated to `occurredAt`. */
export function event<T extends EventType>(
  type: T,
  data: EventData<T>,
  options: { actor?: string | null; subject?: string; occurredAt?: string } = {},
): EventEnvelope<T> {
  const actor = options.actor === undefined ? randomUUID() : options.actor;
  const created = createEvent(type, { actor, subject: options.subject ?? actor ?? randomUUID(), data });
  return options.occurredAt ? { ...created, occurredAt: options.occurredAt } : created;
}

/** The registration of a new user (the user is the actor). */
export function registration(occurredAt?: string, userId: string = randomUUID()) {
  return event(
    'identity.user_registered',
    { userId, email: `${userId}@example.com`, role: 'user' },
    { actor: userId, occurredAt },
  );
}
