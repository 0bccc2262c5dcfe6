import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, notFound, type Viewer } from '@lattice/server-kit';
import { isUuid, requireViewer } from '@lattice/subgraph-kit';
import { Booking, Gym, GymSession } from '../entities';
import type { BookingsRuntime } from '../runtime';
import { bookSession, cancelBooking, cancellationDeadline } from './booking-flow';

/**
 * Moves a confirmed booking to another session of the same gym, while cancelling it would
 * still give the credits back (after that, rescheduling is refused like a free cancellation
 * would be). The new seat is taken first, as `bookSession` takes it (a free seat, the credits
 * held): if that fails, the old booking stands. Then the old one is cancelled, its credits
 * released; if that fails (cancelled meanwhile, or the window closed in between), the new one
 * is given up too and the answer says why.
 */
export async function rescheduleBooking(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  id: string,
  toSessionId: string,
): Promise<Booking> {
  const userId = requireViewer(viewer).id;
  const old = isUuid(id) ? await em.findOne(Booking, { id, userId }) : null;
  if (!old) throw notFound('No booking with this id');
  if (old.status !== 'CONFIRMED') throw conflict(`This booking is ${old.status.toLowerCase()}`, 'id');
  if (toSessionId === old.sessionId)
    throw conflict('This booking is already for that session', 'toSessionId');
  const target = isUuid(toSessionId) ? await em.findOne(GymSession, { id: toSessionId }) : null;
  if (!target) throw notFound('No session with this id');
  if (target.gymId !== old.gymId)
    throw conflict('A booking moves only to a session of the same gym', 'toSessionId');
  const [gym, session] = await Promise.all([
    em.findOneOrFail(Gym, { id: old.gymId }),
    em.findOneOrFail(GymSession, { id: old.sessionId }),
  ]);
  if (runtime.now() > cancellationDeadline(old, gym, session)) {
    throw conflict('The cancellation window has closed: this booking can no longer be moved', 'id');
  }
  const moved = await bookSession(em, runtime, viewer, toSessionId);
  try {
    await cancelBooking(em, runtime, viewer, old.id, 'Rescheduled', { requireFree: true });
  } catch (error) {
    await cancelBooking(em, runtime, viewer, moved.id, 'Reschedule undone', { undo: true });
    throw error;
  }
  return moved;
}
