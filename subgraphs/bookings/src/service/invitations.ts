import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import {
  badUserInput,
  conflict,
  notFound,
  rateLimited,
  validateInput,
  type Viewer,
} from '@lattice/server-kit';
import { isUuid, requireViewer } from '@lattice/subgraph-kit';
import { Booking, Gym, GymSession, Invitation } from '../entities';
import type { BookingsRuntime } from '../runtime';
import { bookSession } from './booking-flow';
import { record, sessionFacts } from './events';

const MAX_PER_BOOKING = 5;
/** Mails one user may have sent in the last 24 hours, across sessions. */
const MAX_PER_DAY = 20;
const DAY_MS = 86_400_000;
const emailInput = z
  .email('must be an email address')
  .max(254)
  .transform((email) => email.toLowerCase());
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const invalid = () => notFound('This invitation does not exist or is no longer valid');

/**
 * Mails `email` an invitation to the session of the caller's confirmed booking (at most five
 * per booking, one per address). The token travels in the mail only; its hash is kept.
 * Every mail counts, whatever its answer, across the caller's bookings of the session (one
 * cancelled and made again is not five more), and at most MAX_PER_DAY a day in all.
 */
export async function inviteToSession(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  bookingId: string,
  email: string,
): Promise<Invitation> {
  const userId = requireViewer(viewer).id;
  const address = validateInput(emailInput, email, 'email');
  if (!isUuid(bookingId)) throw notFound('No booking with this id');
  return em.transactional(async (tx) => {
    // One inviter's invitations are made one at a time, so every count below is exact under
    // concurrency (per session across their bookings, and per day).
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`bookings.invite:${userId}`]);
    const [locked] = await tx.execute(
      'select id from bookings.booking where id = ? and user_id = ? for update',
      [bookingId, userId],
    );
    if (!locked) throw notFound('No booking with this id');
    const booking = await tx.findOneOrFail(Booking, { id: bookingId }, { refresh: true });
    const session = await tx.findOneOrFail(GymSession, { id: booking.sessionId });
    if (booking.status !== 'CONFIRMED') throw conflict('Only a confirmed booking can invite', 'bookingId');
    if (session.startsAt <= runtime.now()) throw conflict('This session has already started', 'bookingId');
    const sent = await tx.execute<Array<{ email: string }>>(
      `select email from bookings.invitation
       where booking_id in (select id from bookings.booking where session_id = ? and user_id = ?)`,
      [session.id, userId],
    );
    if (sent.some((invitation) => invitation.email === address))
      throw conflict('This address is already invited', 'email');
    if (sent.length >= MAX_PER_BOOKING)
      throw badUserInput(`At most ${MAX_PER_BOOKING} invitations per session`, 'bookingId');
    await requireDailyAllowance(tx, userId, runtime.now());
    const token = randomBytes(32).toString('base64url');
    const invitation = tx.create(Invitation, {
      bookingId,
      sessionId: session.id,
      inviterId: userId,
      email: address,
      tokenHash: hashOf(token),
      createdAt: runtime.now(),
    });
    const gym = await tx.findOneOrFail(Gym, { id: session.gymId });
    record(
      tx,
      'bookings.invitation_sent',
      {
        ...sessionFacts(gym, session),
        invitationId: invitation.id,
        inviterId: userId,
        email: address,
        token,
      },
      { actor: userId, subject: userId },
    );
    return invitation;
  });
}

/**
 * RATE_LIMITED past MAX_PER_DAY mails in 24 hours. Read through the caller's bookings (indexed
 * by user and start): a mail of the last day is for a session starting after it was sent.
 */
async function requireDailyAllowance(tx: EntityManager, userId: string, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [row] = await tx.execute<Array<{ sent: number; oldest: Date | null }>>(
    `select count(*)::int as sent, min(i.created_at) as oldest
     from bookings.invitation i join bookings.booking b on b.id = i.booking_id
     where b.user_id = ? and b.starts_at > ? and i.created_at > ?`,
    [userId, dayAgo, dayAgo],
  );
  if (row!.sent >= MAX_PER_DAY) {
    throw rateLimited(
      Math.max(1, Math.ceil((new Date(row!.oldest!).getTime() + DAY_MS - now.getTime()) / 1000)),
    );
  }
}

async function byToken(em: EntityManager, token: string): Promise<Invitation> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw invalid();
  const invitation = await em.findOne(Invitation, { tokenHash: hashOf(token) });
  if (!invitation) throw invalid();
  return invitation;
}

async function announce(
  em: EntityManager,
  invitation: Invitation,
  inviteeId: string | null,
  accepted: boolean,
) {
  const session = await em.findOneOrFail(GymSession, { id: invitation.sessionId });
  const gym = await em.findOneOrFail(Gym, { id: session.gymId });
  const fork = em.fork();
  record(
    fork,
    'bookings.invitation_answered',
    {
      ...sessionFacts(gym, session),
      invitationId: invitation.id,
      inviterId: invitation.inviterId,
      inviteeId,
      accepted,
    },
    { actor: inviteeId, subject: invitation.inviterId },
  );
  await fork.flush();
}

/**
 * Takes a seat in the invitation's session for the caller, as `bookSession` does (induction,
 * credits, a free seat). The invitation is claimed first, so of two people holding the token
 * one gets it; it is given back if the booking fails.
 */
export async function acceptInvitation(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  token: string,
): Promise<Booking> {
  const userId = requireViewer(viewer).id;
  const invitation = await byToken(em, token);
  if (invitation.inviterId === userId) throw conflict('You cannot accept your own invitation', 'token');
  const claimed = await em.nativeUpdate(
    Invitation,
    { id: invitation.id, status: 'PENDING' },
    { status: 'ACCEPTED', inviteeId: userId, answeredAt: runtime.now() },
  );
  if (claimed === 0) throw conflict(`This invitation is already ${invitation.status.toLowerCase()}`, 'token');
  let booking: Booking;
  try {
    booking = await bookSession(em, runtime, viewer, invitation.sessionId, { invitationId: invitation.id });
  } catch (error) {
    await em.nativeUpdate(
      Invitation,
      { id: invitation.id, status: 'ACCEPTED', inviteeId: userId },
      { status: 'PENDING', inviteeId: null, answeredAt: null },
    );
    throw error;
  }
  await announce(em, invitation, userId, true);
  return booking;
}

/** Declines an invitation: the token is enough (the invitee may have no account). */
export async function declineInvitation(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  token: string,
): Promise<Invitation> {
  const invitation = await byToken(em, token);
  const declined = await em.nativeUpdate(
    Invitation,
    { id: invitation.id, status: 'PENDING' },
    { status: 'DECLINED', inviteeId: viewer?.id ?? null, answeredAt: runtime.now() },
  );
  if (declined === 0)
    throw conflict(`This invitation is already ${invitation.status.toLowerCase()}`, 'token');
  await announce(em, invitation, viewer?.id ?? null, false);
  return em.findOneOrFail(Invitation, { id: invitation.id }, { refresh: true });
}

/** The invitations of one of the caller's bookings, latest first. */
export async function invitationsOf(
  em: EntityManager,
  viewer: Viewer | null,
  bookingId: string,
): Promise<Invitation[]> {
  const userId = requireViewer(viewer).id;
  if (!isUuid(bookingId) || !(await em.count(Booking, { id: bookingId, userId })))
    throw notFound('No booking with this id');
  return em.find(Invitation, { bookingId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}
