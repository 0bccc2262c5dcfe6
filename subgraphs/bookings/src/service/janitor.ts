import type { EntityManager } from '@mikro-orm/postgresql';
import { Booking, Gym, GymSession } from '../entities';
import type { BookingsRuntime } from '../runtime';
import { cancellationDeadline, offerClock } from './booking-flow';
import { settleCredits } from './credits';
import { record, sessionFacts } from './events';
import { lockSession, promoteWaitlist } from './seats';

const BATCH = 100;

/**
 * The time-driven part of bookings, one pass: offers past their deadline expire (the seat goes
 * to the next in line), bookings whose request died while billing held them are undone,
 * ended sessions are closed (no-shows recorded, credits captured), and credit decisions not
 * yet told to billing are retried. Every step is a conditional update under the session's
 * lock, so replicas running it at once change each row once.
 */
export async function runJanitor(runtime: BookingsRuntime): Promise<void> {
  const em = runtime.orm.em.fork();
  await expireOffers(em.fork(), runtime);
  await failStalePending(em.fork(), runtime);
  await remind(em.fork(), runtime);
  await endSessions(em.fork(), runtime);
  await settlePending(em.fork(), runtime);
}

async function expireOffers(em: EntityManager, runtime: BookingsRuntime): Promise<void> {
  const now = runtime.now();
  const due = await em.find(
    Booking,
    { status: 'OFFERED', offerExpiresAt: { $lte: now } },
    { limit: BATCH, fields: ['id', 'sessionId'] },
  );
  for (const { id, sessionId } of due) {
    await em.fork().transactional(async (tx) => {
      const session = (await lockSession(tx, sessionId))!;
      const [row] = await tx.execute<Array<Record<string, unknown>>>(
        `update bookings.booking set status = 'EXPIRED', updated_at = ?
         where id = ? and status = 'OFFERED' and offer_expires_at <= ? returning *`,
        [now, id, now],
      );
      if (!row) return;
      const booking = tx.map(Booking, row);
      const gym = await tx.findOneOrFail(Gym, { id: session.gymId });
      record(
        tx,
        'bookings.seat_offer_expired',
        { ...sessionFacts(gym, session), bookingId: booking.id, userId: booking.userId },
        { actor: null, subject: booking.userId },
      );
      await promoteWaitlist(tx, session, offerClock(runtime));
    });
  }
}

async function failStalePending(em: EntityManager, runtime: BookingsRuntime): Promise<void> {
  const now = runtime.now();
  const before = new Date(now.getTime() - runtime.settings.BOOKINGS_PENDING_TIMEOUT_SECONDS * 1000);
  const stale = await em.find(
    Booking,
    { status: 'PENDING', updatedAt: { $lte: before } },
    { limit: BATCH, fields: ['id', 'sessionId'] },
  );
  for (const { id, sessionId } of stale) {
    await em.fork().transactional(async (tx) => {
      const session = (await lockSession(tx, sessionId))!;
      const [row] = await tx.execute(
        `update bookings.booking set status = 'FAILED', credit_action = 'RELEASE', updated_at = ?
         where id = ? and status = 'PENDING' and updated_at <= ? returning id`,
        [now, id, before],
      );
      if (row) await promoteWaitlist(tx, session, offerClock(runtime));
    });
  }
}

/**
 * Reminds confirmed bookers `BOOKINGS_REMINDER_MINUTES` before their session, once each (a
 * conditional update claims the reminder), unless they booked after the reminder time.
 */
async function remind(em: EntityManager, runtime: BookingsRuntime): Promise<void> {
  const minutes = runtime.settings.BOOKINGS_REMINDER_MINUTES;
  if (minutes === 0) return;
  const now = runtime.now();
  const horizon = new Date(now.getTime() + minutes * 60_000);
  // The claim and the events commit together: a reminder is marked sent only with its event.
  await em.transactional(async (tx) => {
    const due = await tx.execute<Array<Record<string, unknown>>>(
      `update bookings.booking set reminded_at = ?
       where id in (select id from bookings.booking
                    where status = 'CONFIRMED' and reminded_at is null and starts_at > ? and starts_at <= ?
                      and created_at <= starts_at - make_interval(mins => ?)
                    order by starts_at limit ? for update skip locked)
       returning *`,
      [now, now, horizon, minutes, BATCH],
    );
    for (const row of due) {
      const booking = tx.map(Booking, row);
      const session = await tx.findOneOrFail(GymSession, { id: booking.sessionId });
      const gym = await tx.findOneOrFail(Gym, { id: booking.gymId });
      record(
        tx,
        'bookings.session_reminder',
        {
          ...sessionFacts(gym, session),
          bookingId: booking.id,
          userId: booking.userId,
          freeCancellationUntil: cancellationDeadline(booking, gym, session).toISOString(),
        },
        { actor: null, subject: booking.userId },
      );
    }
  });
}

/**
 * Closes sessions whose end has passed: confirmed bookings nobody checked in become no-shows,
 * every confirmed booking's credits are captured (the session happened), seats still offered
 * or waited for expire, and the occupancy is announced.
 */
async function endSessions(em: EntityManager, runtime: BookingsRuntime): Promise<void> {
  const now = runtime.now();
  const ended = await em.find(
    GymSession,
    { endedAt: null, endsAt: { $lte: now } },
    { limit: BATCH, fields: ['id'], orderBy: { endsAt: 'asc' } },
  );
  for (const { id } of ended) {
    await em.fork().transactional(async (tx) => {
      const session = (await lockSession(tx, id))!;
      if (session.endedAt) return;
      session.endedAt = now;
      const gym = await tx.findOneOrFail(Gym, { id: session.gymId });
      const noShows = await tx.execute<Array<{ id: string; user_id: string }>>(
        `update bookings.booking set attendance = 'NO_SHOW', updated_at = ?
         where session_id = ? and status = 'CONFIRMED' and attendance is null returning id, user_id`,
        [now, id],
      );
      for (const noShow of noShows) {
        record(
          tx,
          'bookings.attendance_recorded',
          {
            ...sessionFacts(gym, session),
            bookingId: noShow.id,
            userId: noShow.user_id,
            attendance: 'NO_SHOW',
          },
          { actor: null, subject: noShow.user_id },
        );
      }
      await tx.execute(
        `update bookings.booking set credit_action = 'CAPTURE', updated_at = ?
         where session_id = ? and status = 'CONFIRMED' and credits > 0 and credit_action is null`,
        [now, id],
      );
      await tx.execute(
        `update bookings.booking set status = 'EXPIRED', updated_at = ?
         where session_id = ? and status in ('WAITLISTED', 'OFFERED')`,
        [now, id],
      );
      if (session.status !== 'SCHEDULED') return;
      const [counts] = await tx.execute<Array<{ booked: string; attended: string }>>(
        `select count(*) as booked, count(*) filter (where attendance in ('CHECKED_IN', 'CHECKED_OUT')) as attended
         from bookings.booking where session_id = ? and status = 'CONFIRMED'`,
        [id],
      );
      record(
        tx,
        'bookings.session_ended',
        {
          ...sessionFacts(gym, session),
          capacity: session.capacity,
          booked: Number(counts!.booked),
          attended: Number(counts!.attended),
          noShows: noShows.length,
        },
        { actor: null, subject: gym.id },
      );
    });
  }
}

/** Credit decisions billing has not heard yet (it was down, or a request died). */
async function settlePending(em: EntityManager, runtime: BookingsRuntime): Promise<void> {
  const due = await em.find(
    Booking,
    { creditAction: { $ne: null }, creditsSettledAt: null },
    { limit: BATCH, orderBy: { updatedAt: 'asc' } },
  );
  // Billing could not decide one: the others would each wait as long, stalling the next pass.
  for (const booking of due) if (!(await settleCredits(em, runtime.credits, booking, runtime.log))) break;
}
