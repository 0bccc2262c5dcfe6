import type { EventApplier } from '@lattice/subgraph-kit';
import { Booking, Favourite, GymStaff, Induction, Invitation, LIVE, Review } from '../entities';
import type { BookingsRuntime } from '../runtime';
import { offerClock } from './booking-flow';
import { removeReviews } from './reviews';
import { lockSession, promoteWaitlist } from './seats';

/**
 * A deleted user leaves: live bookings are cancelled (held credits released, seats passed to
 * the waiting lists), reviews removed from the ratings, favourites, staff roles and pending
 * invitations (with the addresses they were sent to) dropped, inductions cancelled.
 */
export const eraseUserBookings: EventApplier<BookingsRuntime, 'identity.user_deleted'> = async (
  em,
  event,
  runtime,
) => {
  const userId = event.data.userId;
  const now = runtime.now();
  const live = await em.find(Booking, { userId, status: { $in: LIVE } }, { orderBy: { sessionId: 'asc' } });
  for (const found of live) {
    const session = await lockSession(em, found.sessionId);
    const booking = await em.findOneOrFail(Booking, { id: found.id }, { refresh: true });
    if (!LIVE.includes(booking.status)) continue;
    if (booking.status === 'PENDING') {
      // Its hold is on its way: the booking fails to confirm, and the hold is released (again
      // by the janitor, should it land after).
      Object.assign(booking, { status: 'FAILED', creditAction: 'RELEASE', updatedAt: now });
    } else {
      const held = booking.status === 'CONFIRMED' && booking.credits > 0;
      Object.assign(booking, {
        status: 'CANCELLED',
        cancelledAt: now,
        cancellationReason: 'Account deleted',
        creditAction: held ? 'RELEASE' : booking.creditAction,
        updatedAt: now,
      });
    }
    await em.flush();
    if (session) await promoteWaitlist(em, session, offerClock(runtime));
  }
  const reviews = await em.find(Review, { userId }, { fields: ['id'] });
  await removeReviews(
    em,
    reviews.map((review) => review.id),
  );
  await em.nativeDelete(Favourite, { userId });
  await em.nativeDelete(GymStaff, { userId });
  await em.nativeUpdate(Induction, { userId, status: { $ne: 'CANCELLED' } }, { status: 'CANCELLED' });
  await em.nativeUpdate(Invitation, { inviterId: userId, status: 'PENDING' }, { status: 'REVOKED' });
  await em.nativeUpdate(Invitation, { inviterId: userId }, { email: '' });
};
