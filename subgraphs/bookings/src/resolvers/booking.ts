import type { BookingResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import type { Booking as BookingEntity } from '../entities';
import { isPlatformStaff } from '../service/access';
import { cancellationDeadline } from '../service/booking-flow';
import { reference } from '../service/references';
import { staffHere } from './gym';

/** Its user, the gym's staff and moderators/admins read a booking; nobody else learns it exists. */
export async function canReadBooking(booking: BookingEntity, context: Context): Promise<boolean> {
  const { viewer, loaders } = context;
  if (!viewer) return false;
  if (booking.userId === viewer.id || isPlatformStaff(viewer)) return true;
  return staffHere((await loaders.gymById.load(booking.gymId))!, context);
}

const sessionOf = async (booking: BookingEntity, _args: unknown, { loaders }: Context) =>
  (await loaders.sessionById.load(booking.sessionId))!;

/** A booking the caller may read, or null. */
export async function readableBooking(id: string, context: Context): Promise<BookingEntity | null> {
  const booking = await context.loaders.bookingById.load(id);
  return booking && (await canReadBooking(booking, context)) ? booking : null;
}

export const Booking: BookingResolvers<Context> = {
  __resolveReference: ({ id }, context) => readableBooking(id, context),
  user: (booking) => reference(booking.userId),
  session: sessionOf,
  // A booking billing refused is, for its user, one that did not happen.
  status: (booking) => (booking.status === 'FAILED' ? 'CANCELLED' : booking.status),
  creditsOutcome: (booking) => {
    if (booking.creditAction === 'RELEASE') return 'RELEASED';
    if (booking.creditAction === 'CAPTURE') return 'CAPTURED';
    return booking.status === 'CONFIRMED' && booking.credits > 0 ? 'HELD' : 'NONE';
  },
  waitlistPosition: (booking, _args, { loaders }) =>
    booking.status === 'WAITLISTED' ? loaders.waitlistPosition.load(booking.id) : null,
  freeCancellationUntil: async (booking, _args, context) => {
    const session = await sessionOf(booking, {}, context);
    return cancellationDeadline(booking, (await context.loaders.gymById.load(session.gymId))!, session);
  },
  review: (booking, _args, { loaders }) => loaders.reviewOfBooking.load(booking.id),
};
