import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys, isUuid } from '@lattice/subgraph-kit';
import {
  Booking,
  Equipment,
  Favourite,
  Gym,
  GymClosure,
  type GymRole,
  GymSession,
  GymStaff,
  Induction,
  LIVE,
  Review,
} from './entities';
import type { Occupancy } from './service/seats';

/** A (user, thing) pair: what the caller's own marks on a list of gyms or sessions are keyed by. */
export interface Pair {
  userId: string;
  id: string;
}
const pairKey = (pair: Pair) => `${pair.userId}:${pair.id}`;

function byId<T extends { id: string }>(em: EntityManager, entity: new () => T) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await em.find(entity, { id: { $in: ids.filter(isUuid) } } as never);
    return alignToKeys(ids, rows as T[], (row) => row.id);
  });
}

function grouped<T>(ids: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return ids.map((id) => groups.get(id)!);
}

/** Per-request loaders: any number of gyms, sessions or bookings in one answer cost one statement each. */
export function createLoaders(em: EntityManager) {
  return {
    gymById: byId(em, Gym),
    sessionById: byId(em, GymSession),
    bookingById: byId(em, Booking),
    equipmentByGym: new DataLoader<string, Equipment[]>(async (gymIds) =>
      grouped(
        gymIds,
        await em.find(Equipment, { gymId: { $in: [...gymIds] } }, { orderBy: { name: 'asc', id: 'asc' } }),
        (row) => row.gymId,
      ),
    ),
    /** Closures not over (from yesterday in UTC: every zone's today is covered). */
    closuresByGym: new DataLoader<string, GymClosure[]>(async (gymIds) => {
      const since = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      const rows = await em.find(
        GymClosure,
        { gymId: { $in: [...gymIds] }, toDate: { $gte: since } },
        { orderBy: { fromDate: 'asc', id: 'asc' } },
      );
      return grouped(gymIds, rows, (row) => row.gymId);
    }),
    occupancy: new DataLoader<string, Occupancy>(async (sessionIds) => {
      const rows = await em.execute<Array<{ session_id: string; seated: string; waiting: string }>>(
        `select session_id,
                count(*) filter (where status in ('OFFERED', 'PENDING', 'CONFIRMED')) as seated,
                count(*) filter (where status = 'WAITLISTED') as waiting
         from bookings.booking where session_id in (?) group by session_id`,
        [[...sessionIds]],
      );
      const counts = new Map(
        rows.map((row) => [row.session_id, { seated: Number(row.seated), waiting: Number(row.waiting) }]),
      );
      return sessionIds.map((id) => counts.get(id) ?? { seated: 0, waiting: 0 });
    }),
    isFavourite: new DataLoader<Pair, boolean, string>(
      async (pairs) => {
        const rows = await em.find(Favourite, {
          $or: pairs.map(({ userId, id }) => ({ userId, gymId: id })),
        });
        const found = new Set(rows.map((row) => pairKey({ userId: row.userId, id: row.gymId })));
        return pairs.map((pair) => found.has(pairKey(pair)));
      },
      { cacheKeyFn: pairKey },
    ),
    roleAt: new DataLoader<Pair, GymRole | null, string>(
      async (pairs) => {
        const rows = await em.find(GymStaff, { $or: pairs.map(({ userId, id }) => ({ userId, gymId: id })) });
        const roles = new Map(rows.map((row) => [pairKey({ userId: row.userId, id: row.gymId }), row.role]));
        return pairs.map((pair) => roles.get(pairKey(pair)) ?? null);
      },
      { cacheKeyFn: pairKey },
    ),
    inductionAt: new DataLoader<Pair, Induction | null, string>(
      async (pairs) => {
        const rows = await em.find(Induction, {
          status: { $ne: 'CANCELLED' },
          $or: pairs.map(({ userId, id }) => ({ userId, gymId: id })),
        });
        return alignToKeys(pairs.map(pairKey), rows, (row) => pairKey({ userId: row.userId, id: row.gymId }));
      },
      { cacheKeyFn: pairKey },
    ),
    liveBookingOf: new DataLoader<Pair, Booking | null, string>(
      async (pairs) => {
        const rows = await em.find(Booking, {
          status: { $in: LIVE },
          $or: pairs.map(({ userId, id }) => ({ userId, sessionId: id })),
        });
        return alignToKeys(pairs.map(pairKey), rows, (row) =>
          pairKey({ userId: row.userId, id: row.sessionId }),
        );
      },
      { cacheKeyFn: pairKey },
    ),
    reviewOfBooking: new DataLoader<string, Review | null>(async (bookingIds) => {
      const rows = await em.find(Review, { bookingId: { $in: [...bookingIds] } });
      return alignToKeys(bookingIds, rows, (row) => row.bookingId);
    }),
    /** Places in line (1 is next) of waitlisted bookings; null for the others. */
    waitlistPosition: new DataLoader<string, number | null>(async (bookingIds) => {
      const rows = await em.execute<Array<{ id: string; position: string }>>(
        `select b.id, (select count(*) from bookings.booking w
                       where w.session_id = b.session_id and w.status = 'WAITLISTED'
                         and w.line <= b.line) as position
         from bookings.booking b where b.id in (?) and b.status = 'WAITLISTED'`,
        [[...bookingIds]],
      );
      const positions = new Map(rows.map((row) => [row.id, Number(row.position)]));
      return bookingIds.map((id) => positions.get(id) ?? null);
    }),
  };
}

export type BookingsLoaders = ReturnType<typeof createLoaders>;
