import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { conflict, forbidden, notFound, validateInput, type Viewer } from '@lattice/server-kit';
import { isUuid, type PageArgs, paginate, requireViewer } from '@lattice/subgraph-kit';
import { Booking, Gym, GymSession, Review } from '../entities';
import type { BookingsRuntime } from '../runtime';
import { gymRole, isAdmin } from './access';
import { record } from './events';
import { optionalText } from './validation';

const reviewInput = z.object({
  bookingId: z.string(),
  rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  text: optionalText(2000, { multiline: true }),
  pictureId: z
    .string()
    .refine(isUuid, { message: 'not a media id' })
    .nullish()
    .transform((value) => value ?? null),
});

/**
 * Reviews the gym of an attended session (checked in), by the booking's user, once per
 * booking; the gym's rating moves in the same transaction.
 */
export async function reviewGym(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  input: unknown,
): Promise<Review> {
  const userId = requireViewer(viewer).id;
  const values = validateInput(reviewInput, input);
  const booking = isUuid(values.bookingId)
    ? await em.findOne(Booking, { id: values.bookingId, userId })
    : null;
  if (!booking) throw notFound('No booking with this id');
  const session = await em.findOneOrFail(GymSession, { id: booking.sessionId });
  // A booking cancelled after its check-in (by the gym's staff, or the session itself) was not attended.
  const attended = booking.attendance === 'CHECKED_IN' || booking.attendance === 'CHECKED_OUT';
  if (booking.status !== 'CONFIRMED' || !attended) {
    throw forbidden('Only a session you attended (checked in) can be reviewed');
  }
  if (session.startsAt > runtime.now()) throw conflict('The session has not started yet', 'input.bookingId');
  // They make its sessions and check people in: their own reviews would rate themselves.
  if (await gymRole(em, booking.gymId, viewer)) throw forbidden("A gym's staff do not review it");
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<Array<Record<string, unknown>>>(
      `insert into bookings.review (id, booking_id, gym_id, user_id, rating, text, picture_id, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?) on conflict (booking_id) do nothing returning *`,
      [booking.id, booking.gymId, userId, values.rating, values.text, values.pictureId, runtime.now()],
    );
    if (!row) throw conflict('This booking already has a review', 'input.bookingId');
    const review = tx.map(Review, row);
    await tx.execute(
      'update bookings.gym set rating_sum = rating_sum + ?, review_count = review_count + 1 where id = ?',
      [review.rating, review.gymId],
    );
    const gym = await tx.findOneOrFail(Gym, { id: review.gymId });
    if (review.pictureId) {
      const use = `review:${review.id}`;
      record(
        tx,
        'bookings.picture_published',
        { mediaId: review.pictureId, ownerId: userId, use },
        { actor: userId, subject: userId },
      );
    }
    record(
      tx,
      'bookings.review_posted',
      {
        reviewId: review.id,
        bookingId: booking.id,
        gymId: gym.id,
        gymName: gym.name,
        userId,
        rating: review.rating,
      },
      { actor: userId, subject: gym.id },
    );
    return review;
  });
}

/** Deletes a review (its author or an admin); the gym's rating follows. */
export async function deleteReview(em: EntityManager, viewer: Viewer | null, id: string): Promise<boolean> {
  const caller = requireViewer(viewer);
  const review = isUuid(id) ? await em.findOne(Review, { id }) : null;
  if (!review || (review.userId !== caller.id && !isAdmin(caller))) throw notFound('No review with this id');
  return removeReviews(em, [review.id]).then(() => true);
}

/** Deletes reviews, taking each out of its gym's rating once (a concurrent delete counts once). */
export async function removeReviews(em: EntityManager, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await em.transactional(async (tx) => {
    const removed = await tx.execute<
      Array<{ id: string; gym_id: string; rating: number; picture_id: string | null }>
    >('delete from bookings.review where id in (?) returning id, gym_id, rating, picture_id', [ids]);
    for (const { id, gym_id, rating, picture_id } of removed) {
      if (picture_id) {
        record(
          tx,
          'bookings.picture_unpublished',
          { mediaId: picture_id, use: `review:${id}` },
          { actor: null, subject: gym_id },
        );
      }
      await tx.execute(
        'update bookings.gym set rating_sum = rating_sum - ?, review_count = review_count - 1 where id = ?',
        [rating, gym_id],
      );
    }
  });
}

export const gymReviews = (em: EntityManager, gymId: string, args: PageArgs) =>
  paginate(em, Review, { gymId }, args, { orderBy: ['createdAt', 'id'], direction: 'desc' });
