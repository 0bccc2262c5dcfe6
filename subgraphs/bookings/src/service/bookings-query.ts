import type { EntityManager } from '@mikro-orm/postgresql';
import { type PageArgs, paginate } from '@lattice/subgraph-kit';
import { Booking } from '../entities';

/** A user's bookings (refused ones left out): coming ones soonest first, or past ones latest first. */
export const userBookings = (
  em: EntityManager,
  userId: string,
  upcoming: boolean,
  args: PageArgs,
  now: Date,
) =>
  paginate(
    em,
    Booking,
    { userId, status: { $ne: 'FAILED' }, startsAt: upcoming ? { $gte: now } : { $lt: now } },
    args,
    { orderBy: ['startsAt', 'id'], direction: upcoming ? 'asc' : 'desc' },
  );

/** A session's bookings for its gym's staff, in the order they were made. */
export const sessionBookings = (em: EntityManager, sessionId: string, args: PageArgs) =>
  paginate(em, Booking, { sessionId, status: { $ne: 'FAILED' } }, args, {
    orderBy: ['createdAt', 'id'],
    defaultFirst: 50,
    maxFirst: 200,
  });
