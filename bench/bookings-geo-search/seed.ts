/**
 * The data: gyms and search points spread like people over Germany, drawn reproducibly in
 * PostgreSQL, and the runner's own count of the listed gyms around each point.
 */
import { GYMS, QUERIES, RADIUS_KM, WARMUP } from './options';
import { knex, sql } from './runner-connection';

const GYM_SEED = 0.42;
const POINT_SEED = 0.17;

/** The 15 largest cities (population in millions): 30 % of gyms and points are around one of them. */
const CITIES: Array<[string, number, number, number]> = [
  ['Berlin', 52.52, 13.405, 3.76],
  ['Hamburg', 53.551, 9.994, 1.89],
  ['München', 48.137, 11.575, 1.51],
  ['Köln', 50.938, 6.96, 1.08],
  ['Frankfurt am Main', 50.11, 8.682, 0.77],
  ['Stuttgart', 48.776, 9.183, 0.63],
  ['Düsseldorf', 51.227, 6.773, 0.62],
  ['Leipzig', 51.34, 12.375, 0.62],
  ['Dortmund', 51.514, 7.468, 0.59],
  ['Essen', 51.456, 7.012, 0.58],
  ['Bremen', 53.079, 8.802, 0.57],
  ['Dresden', 51.051, 13.738, 0.56],
  ['Hannover', 52.375, 9.732, 0.54],
  ['Nürnberg', 49.452, 11.077, 0.52],
  ['Duisburg', 51.435, 6.763, 0.5],
];
const URBAN_SHARE = 0.3;
/** Spread around a city centre (one standard deviation, degrees of latitude: about 28 km). */
const CITY_SIGMA_DEGREES = 0.25;
/** The rest: uniform over the box around Germany, latitude 47.3–55.0, longitude 5.9–15.0. */
const BOX = { south: 47.3, north: 55.0, west: 5.9, east: 15.0 };

/**
 * `count` random places, numbered from 1 (`i`), with `status` and `place`: a share around a
 * city (normal, Box–Muller, the city chosen by population), the rest uniform over the box.
 * Reproducible after `setseed` in the same session (the draws are materialised first).
 */
function placesSql(count: number): string {
  const cities = CITIES.map(([name, lat, lon, weight]) => `('${name}', ${lat}, ${lon}, ${weight})`).join(
    ', ',
  );
  const urban = `d.urban < ${URBAN_SHARE}`;
  const radius = `${CITY_SIGMA_DEGREES} * sqrt(-2 * ln(1 - d.u1))`;
  return `
    with city (name, latitude, longitude, weight) as (values ${cities}),
    city_range as (
      select name, latitude::float8 as latitude, longitude::float8 as longitude,
        (sum(weight) over (order by weight desc, name) - weight) / sum(weight) over () as lo,
        sum(weight) over (order by weight desc, name) / sum(weight) over () as hi
      from city
    ),
    draw as materialized (
      select i, random() as urban, random() as which, random() as u1, random() as u2, random() as shown
      from generate_series(1, ${count}) as i
    )
    select d.i,
      case when ${urban} then c.latitude + ${radius} * cos(2 * pi() * d.u2)
        else ${BOX.south} + ${BOX.north - BOX.south} * d.u1 end as latitude,
      case when ${urban} then c.longitude + ${radius} * sin(2 * pi() * d.u2) / cos(radians(c.latitude))
        else ${BOX.west} + ${BOX.east - BOX.west} * d.u2 end as longitude,
      case when d.shown < 0.01 then 'HIDDEN' when d.shown < 0.03 then 'TEMPORARILY_CLOSED' else 'OPEN' end as status,
      case when ${urban} then c.name else 'Deutschland' end as place
    from draw d join city_range c on d.which >= c.lo and d.which < c.hi`;
}

const OPENING_HOURS = JSON.stringify(
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    opens: weekday < 6 ? '06:00' : '08:00',
    closes: weekday < 6 ? '23:00' : '20:00',
  })),
);

/**
 * GYMS gyms into bookings.gym and WARMUP + QUERIES search points into bench.point, each after
 * its own `setseed`, then both vacuumed and analysed.
 */
export async function seed(): Promise<void> {
  await knex().transaction(async (trx) => {
    await trx.raw(`select setseed(${GYM_SEED})`);
    await trx.raw(`
      insert into bookings.gym (id, name, address, latitude, longitude, time_zone, status, opening_hours,
        picture_ids, created_by, created_at)
      select md5('geo-bench-gym-' || p.i)::uuid, 'Gym ' || p.i, p.i || ' Hauptstraße, ' || p.place,
        p.latitude, p.longitude, 'Europe/Berlin', p.status, '${OPENING_HOURS}'::jsonb, '[]'::jsonb,
        '00000000-0000-4000-8000-000000000000', now()
      from (${placesSql(GYMS)}) p`);
  });
  await knex().transaction(async (trx) => {
    await trx.raw(`select setseed(${POINT_SEED})`);
    await trx.raw('create schema bench');
    await trx.raw(
      `create table bench.point as select i, latitude, longitude from (${placesSql(WARMUP + QUERIES)}) p`,
    );
  });
  // Vacuumed now, or autovacuum would do it (100,000 rows inserted) in the middle of a run.
  await sql('vacuum analyze bookings.gym');
  await sql('vacuum analyze bench.point');
}

export interface Point {
  i: number;
  latitude: number;
  longitude: number;
  /** Listed gyms within the radius (the runner's count). */
  within: number;
}

/** The search points in order, each with the listed gyms within RADIUS_KM of it, counted by the runner. */
export async function searchPoints(): Promise<Point[]> {
  const radius = `${RADIUS_KM * 1000}::float8`;
  return sql<Point>(`
    select p.i, p.latitude, p.longitude, count(g.id)::int as within
    from bench.point p left join bookings.gym g
      on g.status <> 'HIDDEN'
     and earth_box(ll_to_earth(p.latitude, p.longitude), ${radius}) @> ll_to_earth(g.latitude, g.longitude)
     and earth_distance(ll_to_earth(p.latitude, p.longitude), ll_to_earth(g.latitude, g.longitude)) <= ${radius}
    group by p.i, p.latitude, p.longitude order by p.i`);
}
