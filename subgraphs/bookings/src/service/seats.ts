import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Booking, Gym, GymSession } from '../entities';
import { sessionFacts, record } from './events';

/**
 * The session, its row locked until the transaction ends: every change to its seats (book,
 * cancel, offer, expire, capacity) takes this lock first, so counts read under it are exact
 * and the last seat goes to one caller.
 */
export async function lockSession(tx: EntityManager, id: string): Promise<GymSession | null> {
  return tx.findOne(GymSession, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

export interface Occupancy {
  /** Seats taken: confirmed, being confirmed, or offered. */
  seated: number;
  waiting: number;
}

export async function occupancy(em: EntityManager, sessionId: string): Promise<Occupancy> {
  const [row] = await em.execute<Array<{ seated: string; waiting: string }>>(
    `select count(*) filter (where status in ('OFFERED', 'PENDING', 'CONFIRMED')) as seated,
            count(*) filter (where status = 'WAITLISTED') as waiting
     from bookings.booking where session_id = ?`,
    [sessionId],
  );
  return { seated: Number(row!.seated), waiting: Number(row!.waiting) };
}

/**
 * Offers free seats to the first in line, in order, each until `offerMinutes` from now (never
 * past the start). Called under the session's lock by everything that frees a seat.
 */
export async function promoteWaitlist(
  tx: EntityManager,
  session: GymSession,
  { now, offerMinutes }: { now: Date; offerMinutes: number },
): Promise<Booking[]> {
  if (session.status !== 'SCHEDULED' || session.startsAt <= now) return [];
  const { seated } = await occupancy(tx, session.id);
  const free = session.capacity - seated;
  if (free <= 0) return [];
  const next = await tx.find(
    Booking,
    { sessionId: session.id, status: 'WAITLISTED' },
    { orderBy: { line: 'asc' }, limit: free },
  );
  if (next.length === 0) return [];
  const gym = await tx.findOneOrFail(Gym, { id: session.gymId });
  const expires = new Date(Math.min(now.getTime() + offerMinutes * 60_000, session.startsAt.getTime()));
  for (const booking of next) {
    Object.assign(booking, { status: 'OFFERED', offerExpiresAt: expires, updatedAt: now });
    record(
      tx,
      'bookings.seat_offered',
      {
        ...sessionFacts(gym, session),
        bookingId: booking.id,
        userId: booking.userId,
        offerExpiresAt: expires.toISOString(),
      },
      { actor: null, subject: booking.userId },
    );
  }
  return next;
}
