/** The run's options (SUPPORT_BENCH_*, DATABASE_URL; see README.md), checked before anything starts. */

export const TICKETS = Number(process.env.SUPPORT_BENCH_TICKETS ?? 200_000);
/** Measured queries per shape with the text index. */
export const RUNS = Number(process.env.SUPPORT_BENCH_RUNS ?? 200);
/** Measured queries per shape without it (every few of the same ones): some cost a whole scan. */
export const BASELINE_RUNS = Math.min(RUNS, Number(process.env.SUPPORT_BENCH_BASELINE_RUNS ?? 10));
/** Unmeasured queries per shape with the index first (JIT, caches, the pool's connections); one without. */
export const WARMUP = Number(process.env.SUPPORT_BENCH_WARMUP ?? 10);
/** The page asked for: the API's default. */
export const FIRST = 20;
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

if (!(TICKETS >= 1000 && RUNS >= 1 && BASELINE_RUNS >= 1 && WARMUP >= 0))
  throw new Error(
    'SUPPORT_BENCH_TICKETS must be ≥ 1000, SUPPORT_BENCH_RUNS and SUPPORT_BENCH_BASELINE_RUNS ≥ 1, SUPPORT_BENCH_WARMUP ≥ 0',
  );
