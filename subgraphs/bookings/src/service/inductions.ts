import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict, forbidden, notFound, type Viewer } from '@lattice/server-kit';
import { isUuid, type PageArgs, paginate, requireViewer } from '@lattice/subgraph-kit';
import { Gym, Induction, type InductionStatus } from '../entities';
import type { BookingsRuntime } from '../runtime';
import { isGymStaff } from './access';
import { record } from './events';
import { visibleGym } from './gyms';
import { instantIn } from './validation';

const noInduction = () => notFound('No induction with this id');

/** Asks for an induction at a gym; asking again answers the live one (requested, scheduled or done). */
export async function requestInduction(
  em: EntityManager,
  viewer: Viewer | null,
  gymId: string,
): Promise<Induction> {
  const userId = requireViewer(viewer).id;
  const gym = await visibleGym(em, viewer, gymId);
  if (!gym) throw notFound('No gym with this id');
  await em.execute(
    `insert into bookings.induction (id, gym_id, user_id, status, requested_at)
     values (gen_random_uuid(), ?, ?, 'REQUESTED', ?) on conflict do nothing`,
    [gym.id, userId, new Date()],
  );
  return em.findOneOrFail(Induction, { gymId: gym.id, userId, status: { $ne: 'CANCELLED' } });
}

/** An induction the caller may change: its user (`allowUser`) or the gym's staff. */
async function inductionFor(em: EntityManager, viewer: Viewer | null, id: string, allowUser: boolean) {
  const caller = requireViewer(viewer);
  const induction = isUuid(id) ? await em.findOne(Induction, { id }) : null;
  if (!induction) throw noInduction();
  if (allowUser && induction.userId === caller.id) return induction;
  if (await isGymStaff(em, caller, induction.gymId)) return induction;
  if (induction.userId === caller.id) throw forbidden("Only the gym's staff may do this");
  throw noInduction();
}

/** Moves an induction from one of `from` to `to` (a conditional update: racers get CONFLICT). */
async function move(
  em: EntityManager,
  induction: Induction,
  from: InductionStatus[],
  changes: Partial<Induction> & { status: InductionStatus },
): Promise<Induction> {
  const updated = await em.nativeUpdate(Induction, { id: induction.id, status: { $in: from } }, changes);
  if (updated === 0) throw conflict(`This induction is ${induction.status.toLowerCase()}`, 'id');
  return em.findOneOrFail(Induction, { id: induction.id }, { refresh: true });
}

export async function scheduleInduction(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  id: string,
  at: Date,
): Promise<Induction> {
  const induction = await inductionFor(em, viewer, id, false);
  instantIn(at, 'at');
  if (at <= runtime.now()) throw conflict('An induction is scheduled in the future', 'at');
  return move(em, induction, ['REQUESTED', 'SCHEDULED'], { status: 'SCHEDULED', scheduledAt: at });
}

/** Records an induction as done (the gym's staff): its user may now book there. */
export async function completeInduction(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  id: string,
): Promise<Induction> {
  const induction = await inductionFor(em, viewer, id, false);
  return em.transactional(async (tx) => {
    const done = await move(tx, induction, ['REQUESTED', 'SCHEDULED'], {
      status: 'COMPLETED',
      completedAt: runtime.now(),
      completedBy: viewer!.id,
    });
    const gym = await tx.findOneOrFail(Gym, { id: done.gymId });
    record(
      tx,
      'bookings.induction_completed',
      { inductionId: done.id, gymId: gym.id, gymName: gym.name, userId: done.userId },
      { actor: viewer!.id, subject: done.userId },
    );
    return done;
  });
}

export async function cancelInduction(
  em: EntityManager,
  viewer: Viewer | null,
  id: string,
): Promise<Induction> {
  const induction = await inductionFor(em, viewer, id, true);
  return move(em, induction, ['REQUESTED', 'SCHEDULED', 'COMPLETED'], { status: 'CANCELLED' });
}

/** A gym's inductions (for its staff), oldest request first. */
export const gymInductions = (
  em: EntityManager,
  gymId: string,
  status: InductionStatus | null | undefined,
  args: PageArgs,
) =>
  paginate(em, Induction, status ? { gymId, status } : { gymId }, args, { orderBy: ['requestedAt', 'id'] });

/** A user's inductions, latest first. */
export const userInductions = (em: EntityManager, userId: string, args: PageArgs) =>
  paginate(em, Induction, { userId }, args, { orderBy: ['requestedAt', 'id'], direction: 'desc' });
