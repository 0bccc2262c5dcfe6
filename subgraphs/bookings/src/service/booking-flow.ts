import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, ErrorCode, notFound, UserError, type Viewer } from '@lattice/server-kit';
import { isUuid, requireViewer } from '@lattice/subgraph-kit';
import { Booking, Gym, GymSession, Induction, LIVE } from '../entities';
import type { BookingsRuntime } from '../runtime';
import { isGymStaff } from './access';
import { holdReference, settleCredits } from './credits';
import { markCancelled } from './cancellation';
import { record, sessionFacts } from './events';
import { lockSession, occupancy, promoteWaitlist } from './seats';

const noSession = () => notFound('No session with this id');
const noBooking = () => notFound('No booking with this id');
const settledElsewhere = () =>
  conflict('The credits of this booking were held or settled elsewhere; try again', 'sessionId');

/** Billing answered, and said no: nothing was held, so there is nothing to release. */
const billingRefused = (error: unknown) =>
  error instanceof UserError &&
  [ErrorCode.QuotaExceeded, ErrorCode.BadUserInput, ErrorCode.Forbidden].includes(
    error.extensions.code as never,
  );

async function requireInduction(tx: EntityManager, gym: Gym, userId: string): Promise<void> {
  if (!gym.requiresInduction) return;
  const done = await tx.count(Induction, { gymId: gym.id, userId, status: 'COMPLETED' });
  if (done === 0) {
    throw new UserError(
      ErrorCode.Forbidden,
      'This gym requires a completed induction before booking: ask for one with requestInduction',
      { reason: 'INDUCTION_REQUIRED' },
    );
  }
}

/** The next place in the session's order (under its lock, so no two bookings share one). */
async function nextLine(tx: EntityManager, sessionId: string): Promise<number> {
  const [row] = await tx.execute<Array<{ line: number }>>(
    'select coalesce(max(line), 0) + 1 as line from bookings.booking where session_id = ?',
    [sessionId],
  );
  return Number(row!.line);
}

function requireBookable(gym: Gym, session: GymSession, now: Date): void {
  if (session.status === 'CANCELLED') throw conflict('This session is cancelled', 'sessionId');
  if (session.startsAt <= now) throw conflict('This session has already started', 'sessionId');
  if (gym.status !== 'OPEN') throw conflict('This gym takes no bookings for now', 'sessionId');
}

/**
 * Takes a seat for the caller: under the session's lock the seat is counted and written as
 * PENDING (so racers see it taken), then billing holds the price, then the booking is
 * confirmed. A full session is CONFLICT, or a place in line with `joinWaitlist`.
 */
export async function bookSession(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  sessionId: string,
  {
    joinWaitlist = false,
    invitationId = null,
  }: { joinWaitlist?: boolean; invitationId?: string | null } = {},
): Promise<Booking> {
  const userId = requireViewer(viewer).id;
  if (!isUuid(sessionId)) throw noSession();
  const now = runtime.now();
  const booking = await em.transactional(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) throw noSession();
    const gym = await tx.findOneOrFail(Gym, { id: session.gymId });
    if (gym.status === 'HIDDEN' && !(await isGymStaff(tx, viewer, gym.id))) throw noSession();
    requireBookable(gym, session, now);
    await requireInduction(tx, gym, userId);
    const live = await tx.findOne(Booking, { sessionId, userId, status: { $in: LIVE } });
    if (live) throw conflict(`You already have this session (${live.status.toLowerCase()})`, 'sessionId');
    const { seated, waiting } = await occupancy(tx, sessionId);
    const base = {
      sessionId,
      gymId: gym.id,
      userId,
      startsAt: session.startsAt,
      invitationId,
      line: await nextLine(tx, sessionId),
      createdAt: now,
      updatedAt: now,
    };
    if (seated >= session.capacity) {
      if (!joinWaitlist) {
        throw new UserError(
          ErrorCode.Conflict,
          'This session is full: join its waiting list (joinWaitlist: true) or see alternativeSlots',
          { field: 'sessionId', reason: 'FULL' },
        );
      }
      const queued = tx.create(Booking, { ...base, status: 'WAITLISTED' });
      record(
        tx,
        'bookings.waitlist_joined',
        { ...sessionFacts(gym, session), bookingId: queued.id, userId, position: waiting + 1 },
        { actor: userId, subject: userId },
      );
      return queued;
    }
    const free = session.priceCredits === 0;
    const seat = tx.create(Booking, {
      ...base,
      status: free ? 'CONFIRMED' : 'PENDING',
      credits: session.priceCredits,
      freeCancelUntil: freeCancellationUntil(gym, session),
    });
    if (free) recordConfirmed(tx, gym, session, seat);
    return seat;
  });
  return booking.status === 'PENDING' ? holdAndConfirm(em, runtime, booking, 'FAILED') : booking;
}

/** Takes a seat offered from the waiting list, before the offer expires. */
export async function confirmOffer(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  id: string,
): Promise<Booking> {
  const userId = requireViewer(viewer).id;
  if (!isUuid(id)) throw noBooking();
  const now = runtime.now();
  const booking = await em.transactional(async (tx) => {
    const found = await tx.findOne(Booking, { id, userId });
    if (!found) throw noBooking();
    const session = (await lockSession(tx, found.sessionId))!;
    let offer = await tx.findOneOrFail(Booking, { id }, { refresh: true });
    // After a hold billing could not answer, the offer went on as a new booking (undoPending).
    if (offer.status === 'FAILED')
      offer = (await tx.findOne(Booking, { sessionId: offer.sessionId, userId, status: 'OFFERED' })) ?? offer;
    if (offer.status !== 'OFFERED')
      throw conflict(`This booking is ${offer.status.toLowerCase()}, not offered a seat`, 'id');
    if (offer.offerExpiresAt! <= now) throw conflict('This offer has expired', 'id');
    const gym = await tx.findOneOrFail(Gym, { id: session.gymId });
    requireBookable(gym, session, now);
    const free = session.priceCredits === 0;
    Object.assign(offer, {
      status: free ? 'CONFIRMED' : 'PENDING',
      credits: session.priceCredits,
      freeCancelUntil: freeCancellationUntil(gym, session),
      updatedAt: now,
    });
    if (free) recordConfirmed(tx, gym, session, offer);
    return offer;
  });
  return booking.status === 'PENDING' ? holdAndConfirm(em, runtime, booking, 'OFFERED') : booking;
}

/**
 * Holds the booking's credits in billing, then confirms it. If billing refuses, the seat is
 * given up (`onRefusal` FAILED) or kept as an offer (OFFERED) and billing's error is the
 * answer; if billing cannot be reached, the same, and a release is queued in case the hold
 * went through unseen.
 */
async function holdAndConfirm(
  em: EntityManager,
  runtime: BookingsRuntime,
  booking: Booking,
  onRefusal: 'FAILED' | 'OFFERED',
): Promise<Booking> {
  try {
    const hold = await runtime.credits.hold(booking.userId, booking.credits, holdReference(booking));
    // The reference answers what it held before, whatever became of it: one released or
    // captured meanwhile (billing's own API takes any reference) holds nothing for this seat.
    if (hold.status !== 'held') throw settledElsewhere();
  } catch (error) {
    await undoPending(em, runtime, booking.id, onRefusal, !billingRefused(error));
    // Billing's CONFLICT (another amount for the reference) speaks of its own fields.
    throw error instanceof UserError && error.extensions.code === ErrorCode.Conflict
      ? settledElsewhere()
      : error;
  }
  const confirmed = await em.transactional(async (tx) => {
    // Under the session's lock: it may have been cancelled or cut while billing held.
    const session = (await lockSession(tx, booking.sessionId))!;
    if (session.status !== 'SCHEDULED') return conflict('This session was cancelled', 'sessionId');
    if (session.endedAt) return conflict('This session is over', 'sessionId');
    if ((await occupancy(tx, session.id)).seated > session.capacity) {
      return new UserError(ErrorCode.Conflict, 'This session is full', {
        field: 'sessionId',
        reason: 'FULL',
      });
    }
    const [row] = await tx.execute<Array<Record<string, unknown>>>(
      `update bookings.booking set status = 'CONFIRMED', updated_at = ? where id = ? and status = 'PENDING' returning *`,
      [runtime.now(), booking.id],
    );
    // The janitor gave the seat up meanwhile (billing was too slow).
    if (!row) return conflict('Your booking could not be confirmed in time; try again', 'sessionId');
    const done = tx.map(Booking, row);
    const gym = await tx.findOneOrFail(Gym, { id: done.gymId });
    recordConfirmed(tx, gym, session, done);
    return done;
  });
  if (confirmed instanceof Booking) return confirmed;
  await undoPending(em, runtime, booking.id, 'FAILED', true);
  throw confirmed;
}

/**
 * A PENDING booking back to `to`, its seat passed on, and (when `release`) a release queued.
 * A hold that may have reached billing spoils the booking's reference (billing answers it
 * ever after, released): an offer kept after one goes on as a new booking, this one failing.
 */
async function undoPending(
  em: EntityManager,
  runtime: BookingsRuntime,
  id: string,
  to: 'FAILED' | 'OFFERED',
  release: boolean,
): Promise<void> {
  const now = runtime.now();
  const undone = await em.transactional(async (tx) => {
    const found = await tx.findOneOrFail(Booking, { id });
    const session = (await lockSession(tx, found.sessionId))!;
    const booking = await tx.findOneOrFail(Booking, { id }, { refresh: true });
    if (booking.status !== 'PENDING' && booking.status !== 'FAILED') return null;
    const pending = booking.status === 'PENDING';
    // A cancelled session keeps no offer (its cancellation left the PENDING ones to this).
    const keepOffer = pending && to === 'OFFERED' && session.status === 'SCHEDULED';
    Object.assign(booking, {
      status: keepOffer && !release ? 'OFFERED' : pending ? 'FAILED' : booking.status,
      creditAction: release ? 'RELEASE' : booking.creditAction,
      updatedAt: now,
    });
    await tx.flush();
    if (keepOffer && release) {
      const { sessionId, gymId, userId, startsAt, invitationId, line, createdAt, offerExpiresAt } = booking;
      tx.create(Booking, {
        ...{ sessionId, gymId, userId, startsAt, invitationId, line, createdAt, offerExpiresAt },
        status: 'OFFERED',
        updatedAt: now,
      });
      await tx.flush();
    }
    await promoteWaitlist(tx, session, offerClock(runtime));
    return booking;
  });
  if (undone?.creditAction) await settleCredits(em, runtime.credits, undone, runtime.log);
}

export const offerClock = (runtime: BookingsRuntime) => ({
  now: runtime.now(),
  offerMinutes: runtime.settings.BOOKINGS_OFFER_MINUTES,
});

function recordConfirmed(tx: EntityManager, gym: Gym, session: GymSession, booking: Booking): void {
  record(
    tx,
    'bookings.booking_confirmed',
    {
      ...sessionFacts(gym, session),
      bookingId: booking.id,
      userId: booking.userId,
      credits: booking.credits,
      viaInvitation: booking.invitationId !== null,
    },
    { actor: booking.userId, subject: booking.userId },
  );
}

/** Until when cancelling a booking of `session` at `gym` gives its credits back, by the gym's window now. */
export const freeCancellationUntil = (gym: Gym, session: GymSession): Date =>
  new Date(session.startsAt.getTime() - gym.cancellationWindowMinutes * 60_000);

/** A booking's free-cancellation limit: fixed when its seat was taken, else the gym's window now. */
export const cancellationDeadline = (booking: Booking, gym: Gym, session: GymSession): Date =>
  booking.freeCancelUntil ?? freeCancellationUntil(gym, session);

/**
 * Cancels a booking (or leaves the line). Its user: credits released before
 * `freeCancellationUntil`, kept (captured) after; the gym's staff: always released. A seat
 * freed goes to the first in line. Another user's booking is NOT_FOUND.
 */
export async function cancelBooking(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  id: string,
  note: string | null,
  /**
   * `requireFree`: refuse (CONFLICT) rather than keep the credits of a late cancellation;
   * `undo`: the user's own booking just made is taken back, its credits released at any time.
   */
  { requireFree = false, undo = false }: { requireFree?: boolean; undo?: boolean } = {},
): Promise<Booking> {
  const caller = requireViewer(viewer);
  if (!isUuid(id)) throw noBooking();
  const now = runtime.now();
  const cancelled = await em.transactional(async (tx) => {
    const found = await tx.findOne(Booking, { id });
    if (!found) throw noBooking();
    const byOwner = found.userId === caller.id;
    if (!byOwner && !(await isGymStaff(tx, caller, found.gymId))) throw noBooking();
    const session = (await lockSession(tx, found.sessionId))!;
    const booking = await tx.findOneOrFail(Booking, { id }, { refresh: true });
    if (!LIVE.includes(booking.status))
      throw conflict(`This booking is already ${booking.status.toLowerCase()}`, 'id');
    if (booking.status === 'PENDING')
      throw conflict('This booking is being confirmed; try again in a moment', 'id');
    if (session.startsAt <= now && booking.status === 'CONFIRMED') {
      throw conflict('This session has started; it can no longer be cancelled', 'id');
    }
    // Who has come in is attending: a free cancellation now would refund an attended session.
    if (byOwner && (booking.attendance === 'CHECKED_IN' || booking.attendance === 'CHECKED_OUT'))
      throw conflict('You are checked in to this session; it can no longer be cancelled', 'id');
    const gym = await tx.findOneOrFail(Gym, { id: booking.gymId });
    const inTime = undo || now <= cancellationDeadline(booking, gym, session);
    if (requireFree && booking.status === 'CONFIRMED' && !inTime) {
      throw conflict('The cancellation window has closed', 'id');
    }
    const seated = booking.status === 'CONFIRMED' || booking.status === 'OFFERED';
    const reason = !byOwner ? 'STAFF' : booking.status === 'CONFIRMED' && !inTime ? 'LATE' : 'USER';
    markCancelled(tx, { gym, session, booking }, { reason, note, actor: caller.id, now });
    await tx.flush();
    if (seated) await promoteWaitlist(tx, session, offerClock(runtime));
    return booking;
  });
  await settleCredits(em, runtime.credits, cancelled, runtime.log);
  return cancelled;
}
