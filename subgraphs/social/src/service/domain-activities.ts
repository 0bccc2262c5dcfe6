import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventApplier } from '@lattice/subgraph-kit';
import { isUuid } from '@lattice/subgraph-kit';
import { Activity } from '../entities';
import type { SocialRuntime } from '../runtime';
import { publish } from './activities';

/**
 * Tells a domain event as an activity of `actorId`, once per event (its id is unique on the
 * row), with the visibility SOCIAL_DOMAIN_VISIBILITY gives until the user changes it.
 */
async function tell(
  em: EntityManager,
  runtime: SocialRuntime,
  eventId: string,
  fields: Partial<Activity> & Pick<Activity, 'actorId' | 'kind' | 'createdAt'>,
): Promise<void> {
  if (!isUuid(fields.actorId)) return;
  if (await em.count(Activity, { sourceEventId: eventId })) return;
  await publish(
    em,
    runtime,
    em.create(Activity, {
      visibility: runtime.settings.SOCIAL_DOMAIN_VISIBILITY,
      sourceEventId: eventId,
      ...fields,
    }),
  );
}

export const tellBooking: EventApplier<SocialRuntime, 'bookings.booking_confirmed'> = async (
  em,
  event,
  runtime,
) => {
  const { userId, gymId, gymName, sessionTitle, startsAt } = event.data;
  await rememberGym(em, userId, gymId, new Date(event.occurredAt));
  await tell(em, runtime, event.id, {
    actorId: userId,
    kind: 'BOOKED',
    gymName,
    sessionTitle,
    sessionStartsAt: new Date(startsAt),
    createdAt: new Date(event.occurredAt),
  });
};

export const tellAttendance: EventApplier<SocialRuntime, 'bookings.attendance_recorded'> = async (
  em,
  event,
  runtime,
) => {
  const { userId, gymName, sessionTitle, startsAt, attendance } = event.data;
  if (attendance !== 'CHECKED_IN') return;
  await tell(em, runtime, event.id, {
    actorId: userId,
    kind: 'ATTENDED',
    gymName,
    sessionTitle,
    sessionStartsAt: new Date(startsAt),
    createdAt: new Date(event.occurredAt),
  });
};

export const tellReview: EventApplier<SocialRuntime, 'bookings.review_posted'> = async (
  em,
  event,
  runtime,
) => {
  const { userId, gymName, rating } = event.data;
  await tell(em, runtime, event.id, {
    actorId: userId,
    kind: 'REVIEWED',
    gymName,
    rating,
    createdAt: new Date(event.occurredAt),
  });
};

/** A new friendship is an activity of each friend, naming the other. */
export async function tellFriendship(
  em: EntityManager,
  runtime: SocialRuntime,
  requesterId: string,
  addresseeId: string,
  at: Date,
): Promise<void> {
  for (const [actorId, friendId] of [
    [requesterId, addresseeId],
    [addresseeId, requesterId],
  ] as const)
    await publish(
      em,
      runtime,
      em.create(Activity, { actorId, kind: 'FRIENDED', visibility: 'FRIENDS', friendId, createdAt: at }),
    );
}

/** The gyms a user books at, for "people you may know". */
async function rememberGym(em: EntityManager, userId: string, gymId: string, at: Date): Promise<void> {
  if (!isUuid(userId) || !isUuid(gymId)) return;
  await em.execute(
    `insert into social.gym_visit (user_id, gym_id, last_at) values (?, ?, ?)
     on conflict (user_id, gym_id) do update set last_at = greatest(social.gym_visit.last_at, excluded.last_at)`,
    [userId, gymId, at],
  );
}
