import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, type EventData, type EventType, recordEvent, type SessionFacts } from '@lattice/events';
import type { Gym, GymSession } from '../entities';

/** What every session event repeats about it. */
export const sessionFacts = (gym: Gym, session: GymSession): SessionFacts => ({
  sessionId: session.id,
  gymId: gym.id,
  gymName: gym.name,
  sessionTitle: session.title,
  startsAt: session.startsAt.toISOString(),
  timeZone: gym.timeZone,
});

/** Records `type` in the transaction of `em` (the outbox): about `subject`, done by `actor`. */
export function record<T extends EventType>(
  em: EntityManager,
  type: T,
  data: EventData<T>,
  { actor, subject }: { actor: string | null; subject: string },
): void {
  recordEvent(em, createEvent(type, { actor, subject, data }));
}
