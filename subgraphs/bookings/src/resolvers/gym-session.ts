import type { GymSessionResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import type { GymSession as SessionEntity } from '../entities';
import { sessionBookings } from '../service/bookings-query';
import { localIso } from '../service/local-time';
import { staffHere } from './gym';

const gymOf = async (session: SessionEntity, _args: unknown, { loaders }: Context) =>
  (await loaders.gymById.load(session.gymId))!;

/** A session, unless its gym is hidden from the caller. */
export async function readableSession(id: string, context: Context): Promise<SessionEntity | null> {
  const session = await context.loaders.sessionById.load(id);
  if (!session) return null;
  const gym = await gymOf(session, {}, context);
  return gym.status === 'HIDDEN' && !(await staffHere(gym, context)) ? null : session;
}

export const GymSession: GymSessionResolvers<Context> = {
  __resolveReference: ({ id }, context) => readableSession(id, context),
  gym: gymOf,
  localStartsAt: async (session, _args, context) =>
    localIso(session.startsAt, (await gymOf(session, {}, context)).timeZone),
  durationMinutes: (session) => Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
  seatsLeft: async (session, _args, { loaders }) =>
    Math.max(0, session.capacity - (await loaders.occupancy.load(session.id)).seated),
  waitlistLength: async (session, _args, { loaders }) => (await loaders.occupancy.load(session.id)).waiting,
  myBooking: (session, _args, { viewer, loaders }) =>
    viewer ? loaders.liveBookingOf.load({ userId: viewer.id, id: session.id }) : null,
  bookings: async (session, args, context) =>
    (await staffHere(await gymOf(session, {}, context), context))
      ? sessionBookings(context.em, session.id, args)
      : null,
};
