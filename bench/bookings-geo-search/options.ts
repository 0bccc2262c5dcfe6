/**
 * The run's options (GEO_BENCH_*, DATABASE_URL; see README.md), checked before anything starts,
 * and the fixed choices that go with them.
 */

export const GYMS = Number(process.env.GEO_BENCH_GYMS ?? 100_000);
export const QUERIES = Number(process.env.GEO_BENCH_QUERIES ?? 2_000);
/** Searches without the index (a subset of the same points): each costs a whole scan of the table. */
export const BASELINE_QUERIES = Math.min(QUERIES, Number(process.env.GEO_BENCH_BASELINE_QUERIES ?? 500));
export const WARMUP = Number(process.env.GEO_BENCH_WARMUP ?? 200);
export const CONCURRENCY = Number(process.env.GEO_BENCH_CONCURRENCY ?? 8);
export const RADIUS_KM = Number(process.env.GEO_BENCH_RADIUS_KM ?? 10);
/** The page asked for: the API's default. */
export const FIRST = 20;
/** Each run is cut in this many blocks, the two sides taking turns, so that both share the machine's moods. */
export const ROUNDS = 10;
/** Queries per side of the check that each process plans as it should. */
export const PLAN_CHECK = 20;
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

if (!(
  GYMS >= 1 &&
  QUERIES >= ROUNDS &&
  BASELINE_QUERIES >= ROUNDS &&
  WARMUP >= 0 &&
  CONCURRENCY >= 0 &&
  RADIUS_KM > 0 &&
  RADIUS_KM <= 500
))
  throw new Error(
    `GEO_BENCH_GYMS must be ≥ 1, GEO_BENCH_QUERIES and GEO_BENCH_BASELINE_QUERIES ≥ ${ROUNDS}, GEO_BENCH_WARMUP and GEO_BENCH_CONCURRENCY ≥ 0, ` +
      'GEO_BENCH_RADIUS_KM above 0 and at most 500',
  );
