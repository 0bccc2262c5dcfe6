import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, notFound, type Viewer } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';
import { GymSession } from '../entities';
import { visibleGym } from './gyms';

export interface AlternativeSlot {
  session: GymSession;
  distanceKm: number;
  startsAtDifferenceMinutes: number;
}

const WINDOW_DAYS = 3;

/**
 * Sessions with a free seat, not started, within three days of `sessionId`'s start: at its
 * gym first, then at other gyms within `radiusKm`, each nearest in time first (then nearest in
 * space); only at gyms taking bookings (OPEN), so every slot offered can be booked. One query:
 * the geo index finds the gyms, the session index their slots.
 */
export async function alternativeSlots(
  em: EntityManager,
  viewer: Viewer | null,
  sessionId: string,
  { radiusKm, first, now }: { radiusKm: number; first: number; now: Date },
): Promise<AlternativeSlot[]> {
  if (!(radiusKm >= 0 && radiusKm <= 100)) throw badUserInput('radiusKm: must be from 0 to 100', 'radiusKm');
  if (!Number.isInteger(first) || first < 1 || first > 20)
    throw badUserInput('first: must be from 1 to 20', 'first');
  const missing = () => notFound('No session with this id');
  const session = isUuid(sessionId) ? await em.findOne(GymSession, { id: sessionId }) : null;
  if (!session) throw missing();
  const gym = await visibleGym(em, viewer, session.gymId);
  if (!gym) throw missing();
  const from = new Date(Math.max(now.getTime(), session.startsAt.getTime() - WINDOW_DAYS * 86_400_000));
  const to = new Date(session.startsAt.getTime() + WINDOW_DAYS * 86_400_000);
  const rows = await em.execute<
    Array<Record<string, unknown> & { distance_m: number; difference_s: number }>
  >(
    `with here as (select ll_to_earth(?, ?) as point),
     gyms as (
       select g.id, case when g.id = ? then 0 else earth_distance(here.point, ll_to_earth(g.latitude, g.longitude)) end as distance_m
       from bookings.gym g, here
       where g.status = 'OPEN' and (g.id = ? or (
         earth_box(here.point, ?) @> ll_to_earth(g.latitude, g.longitude)
         and earth_distance(here.point, ll_to_earth(g.latitude, g.longitude)) <= ?))
     )
     select s.*, gyms.distance_m, extract(epoch from s.starts_at - ?::timestamptz) as difference_s
     from gyms join bookings.gym_session s on s.gym_id = gyms.id
     where s.id <> ? and s.status = 'SCHEDULED' and s.starts_at > ? and s.starts_at between ? and ?
       and (select count(*) from bookings.booking b
            where b.session_id = s.id and b.status in ('OFFERED', 'PENDING', 'CONFIRMED')) < s.capacity
     order by gyms.distance_m > 0, abs(extract(epoch from s.starts_at - ?::timestamptz)), gyms.distance_m, s.id
     limit ?`,
    [
      gym.latitude,
      gym.longitude,
      gym.id,
      gym.id,
      radiusKm * 1000,
      radiusKm * 1000,
      session.startsAt,
      session.id,
      now,
      from,
      to,
      session.startsAt,
      first,
    ],
  );
  return rows.map(({ distance_m, difference_s, ...row }) => ({
    session: em.map(GymSession, row),
    distanceKm: Number(distance_m) / 1000,
    startsAtDifferenceMinutes: Math.round(Number(difference_s) / 60),
  }));
}
