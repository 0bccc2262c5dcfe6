import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, notFound, type Viewer } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';
import { Booking, Gym, GymSession } from '../entities';
import type { BookingsRuntime } from '../runtime';
import { requireGymStaff } from './access';
import { record, sessionFacts } from './events';

/** Doors open this long before a session: check-in is refused earlier. */
const CHECK_IN_OPENS_MINUTES = 60;

/**
 * Records arrival (the gym's staff): a confirmed booking, from an hour before its start;
 * corrects a no-show recorded before. Once: a second check-in is CONFLICT.
 */
export const checkIn = (em: EntityManager, runtime: BookingsRuntime, viewer: Viewer | null, id: string) =>
  mark(em, runtime, viewer, id, 'CHECKED_IN');

/** Records departure (the gym's staff), after a check-in. */
export const checkOut = (em: EntityManager, runtime: BookingsRuntime, viewer: Viewer | null, id: string) =>
  mark(em, runtime, viewer, id, 'CHECKED_OUT');

async function mark(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  id: string,
  to: 'CHECKED_IN' | 'CHECKED_OUT',
): Promise<Booking> {
  const found = isUuid(id) ? await em.findOne(Booking, { id }) : null;
  if (!found) throw notFound('No booking with this id');
  const caller = await requireGymStaff(em, viewer, found.gymId);
  const now = runtime.now();
  const session = await em.findOneOrFail(GymSession, { id: found.sessionId });
  const gym = await em.findOneOrFail(Gym, { id: found.gymId });
  if (found.status !== 'CONFIRMED')
    throw conflict(`This booking is ${found.status.toLowerCase()}`, 'bookingId');
  if (to === 'CHECKED_IN' && now.getTime() < session.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000) {
    throw conflict(`Check-in opens ${CHECK_IN_OPENS_MINUTES} minutes before the session`, 'bookingId');
  }
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<Array<Record<string, unknown>>>(
      to === 'CHECKED_IN'
        ? `update bookings.booking set attendance = 'CHECKED_IN', checked_in_at = ?, updated_at = ?
           where id = ? and status = 'CONFIRMED' and (attendance is null or attendance = 'NO_SHOW') returning *`
        : `update bookings.booking set attendance = 'CHECKED_OUT', checked_out_at = ?, updated_at = ?
           where id = ? and status = 'CONFIRMED' and attendance = 'CHECKED_IN' returning *`,
      [now, now, id],
    );
    if (!row) {
      throw conflict(
        to === 'CHECKED_IN' ? 'Already checked in' : 'Check-out needs a check-in first (and only one)',
        'bookingId',
      );
    }
    const booking = tx.map(Booking, row);
    record(
      tx,
      'bookings.attendance_recorded',
      { ...sessionFacts(gym, session), bookingId: booking.id, userId: booking.userId, attendance: to },
      { actor: caller.id, subject: booking.userId },
    );
    return booking;
  });
}
