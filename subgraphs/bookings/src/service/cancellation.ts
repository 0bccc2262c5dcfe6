import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData } from '@lattice/events';
import type { Booking, Gym, GymSession } from '../entities';
import { record, sessionFacts } from './events';

type Reason = EventData<'bookings.booking_cancelled'>['reason'];

/**
 * Marks a live booking cancelled for `reason` and tells its user (`bookings.booking_cancelled`):
 * the credits of a confirmed one are to be captured for a LATE cancellation, released for any
 * other. Called under the session's lock; billing hears of it after the commit.
 */
export function markCancelled(
  tx: EntityManager,
  { gym, session, booking }: { gym: Gym; session: GymSession; booking: Booking },
  {
    reason,
    note,
    shownReason,
    actor,
    now,
  }: {
    reason: Reason;
    note: string | null;
    /** What the booking shows as `cancellationReason` (default: the note). */
    shownReason?: string | null;
    actor: string;
    now: Date;
  },
): void {
  const held = booking.status === 'CONFIRMED' && booking.credits > 0;
  const released = held && reason !== 'LATE';
  Object.assign(booking, {
    status: 'CANCELLED',
    cancelledAt: now,
    cancellationReason: shownReason === undefined ? note : shownReason,
    creditAction: held ? (released ? 'RELEASE' : 'CAPTURE') : booking.creditAction,
    updatedAt: now,
  });
  record(
    tx,
    'bookings.booking_cancelled',
    {
      ...sessionFacts(gym, session),
      bookingId: booking.id,
      userId: booking.userId,
      reason,
      creditsReleased: released ? booking.credits : 0,
      note,
    },
    { actor, subject: booking.userId },
  );
}
