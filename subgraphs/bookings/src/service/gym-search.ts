import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import {
  decodeCursor,
  encodeCursor,
  isUuid,
  pageSize,
  type PageArgs,
  prefixQuery,
} from '@lattice/subgraph-kit';
import { Gym } from '../entities';
import { instantIn } from './validation';

export interface GymSearchEdge {
  cursor: string;
  node: Gym;
  distanceKm: number | null;
}

export interface GymSearch extends PageArgs {
  near?: { latitude: number; longitude: number; radiusKm: number } | null;
  text?: string | null;
  openAt?: Date | null;
  equipment?: string[] | null;
}

const MAX_RADIUS_KM = 500;

function checkNear(near: NonNullable<GymSearch['near']>) {
  const { latitude, longitude, radiusKm } = near;
  if (!(latitude >= -90 && latitude <= 90))
    throw badUserInput('near.latitude: must be from -90 to 90', 'near.latitude');
  if (!(longitude >= -180 && longitude <= 180))
    throw badUserInput('near.longitude: must be from -180 to 180', 'near.longitude');
  if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM))
    throw badUserInput(`near.radiusKm: must be above 0 and at most ${MAX_RADIUS_KM}`, 'near.radiusKm');
}

/**
 * Listed gyms matching every filter given, one indexed query per page: `near` is a GiST lookup
 * of the bounding cube (`earth_box`, slightly larger than the circle) then the exact
 * great-circle distance; text is a prefix full-text match; pages are keyed on (distance, id)
 * or (name, id), so page 50 costs what page 1 does.
 */
export async function searchGyms(em: EntityManager, search: GymSearch) {
  const first = pageSize(search);
  const where: string[] = [`g.status <> 'HIDDEN'`];
  const params: unknown[] = [];
  let distance = 'null::float8';
  const distanceParams: unknown[] = [];
  if (search.near) {
    checkNear(search.near);
    const { latitude, longitude, radiusKm } = search.near;
    distance = 'earth_distance(ll_to_earth(?, ?), ll_to_earth(g.latitude, g.longitude))';
    distanceParams.push(latitude, longitude);
    where.push('earth_box(ll_to_earth(?, ?), ?) @> ll_to_earth(g.latitude, g.longitude)');
    params.push(latitude, longitude, radiusKm * 1000);
    where.push(`${distance} <= ?`);
    params.push(latitude, longitude, radiusKm * 1000);
  }
  if (search.text != null) {
    where.push(`to_tsvector('simple', g.name || ' ' || g.address) @@ to_tsquery('simple', ?)`);
    params.push(prefixQuery(search.text, 'text'));
  }
  if (search.openAt) {
    instantIn(search.openAt, 'openAt');
    const local = `(?::timestamptz at time zone g.time_zone)`;
    where.push(
      `not exists (select 1 from bookings.gym_closure c
         where c.gym_id = g.id and ${local}::date between c.from_date and c.to_date)`,
      `exists (select 1 from jsonb_array_elements(g.opening_hours) h
         where (h->>'weekday')::int = extract(isodow from ${local})
           and ${local}::time >= (h->>'opens')::time
           and (h->>'closes' = '24:00' or ${local}::time < (h->>'closes')::time))`,
    );
    const at = search.openAt.toISOString();
    params.push(at, at, at, at);
  }
  if (search.equipment?.length) {
    const types = [...new Set(search.equipment.map((type) => type.trim().toLowerCase()))];
    if (types.length > 20) throw badUserInput('equipment: at most 20 types', 'equipment');
    where.push(
      `(select count(distinct e.type) from bookings.equipment e
         where e.gym_id = g.id and e.active and e.type in (?)) = ?`,
    );
    params.push(types, types.length);
  }
  const byDistance = !!search.near;
  if (search.after) {
    const [key, id] = decodeCursor(search.after, 2);
    if (
      typeof id !== 'string' ||
      !isUuid(id) ||
      (byDistance ? typeof key !== 'number' : typeof key !== 'string')
    ) {
      throw badUserInput('after: not a cursor returned by this list', 'after');
    }
    where.push(byDistance ? `(${distance}, g.id) > (?, ?::uuid)` : '(g.name, g.id) > (?, ?::uuid)');
    params.push(...(byDistance ? distanceParams : []), key, id);
  }
  const rows = await em.execute<Array<Record<string, unknown> & { distance_m: number | null }>>(
    `select g.*, ${distance} as distance_m from bookings.gym g
     where ${where.join(' and ')}
     order by ${byDistance ? 'distance_m' : 'g.name'}, g.id
     limit ?`,
    [...distanceParams, ...params, first + 1],
  );
  const edges: GymSearchEdge[] = rows.slice(0, first).map(({ distance_m, ...row }) => {
    const node = em.map(Gym, row);
    return {
      node,
      distanceKm: distance_m === null ? null : distance_m / 1000,
      cursor: encodeCursor(byDistance ? [distance_m, node.id] : [node.name, node.id]),
    };
  });
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
