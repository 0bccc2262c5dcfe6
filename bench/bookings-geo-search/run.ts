/**
 * Geo search of the bookings subgraph: `gyms(near: {latitude, longitude, radiusKm: 10}, first:
 * 20)` over 100,000 gyms, p50/p90/p99/max and queries per second, with the GiST index on
 * `ll_to_earth(latitude, longitude)` (`gym_location_index`) next to the same query without it,
 * in the same run. Two bookings processes (its own entry point, subgraphs/bookings/src/main.ts,
 * production mode) serve the same scratch database, both pinned to CPU 0 with their PostgreSQL
 * backends: one as deployed, one whose connections have index and bitmap scans turned off
 * (PGOPTIONS). The runner (CPU 1 and up) sends signed GraphQL requests to each in turn, the
 * same random points, one at a time and then GEO_BENCH_CONCURRENCY at a time. Prints the
 * figures, the gyms found, and `explain (analyze, buffers)` of one query each way.
 * See README.md beside this file.
 *   npm run bench:bookings-geo-search   (GEO_BENCH_GYMS, GEO_BENCH_QUERIES,
 *     GEO_BENCH_BASELINE_QUERIES, GEO_BENCH_WARMUP, GEO_BENCH_CONCURRENCY, GEO_BENCH_RADIUS_KM;
 *     DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { explain } from './explain';
import { emptyTally, runBlock, runBoth, someAnswerWrong, type Tallies } from './measure';
import { BASELINE_QUERIES, CONCURRENCY, GYMS, PLAN_CHECK, QUERIES, WARMUP } from './options';
import { backendsOf, pinRunner } from './pinning';
import { scansMadeBy } from './plan-check';
import { startBookings, stopBookings } from './processes';
import { databaseFacts, printReport } from './report';
import { connect, disconnect } from './runner-connection';
import { type Point, searchPoints, seed } from './seed';

/** The scratch database, dropped by cleanup. */
let scratchDatabase: TestDatabase | undefined;
let cleaning: Promise<void> | undefined;

/** Stops the serving processes, closes the runner's pool, drops the database: once, on success or failure. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopBookings();
    await disconnect();
    if (scratchDatabase)
      await scratchDatabase.drop().catch((error: unknown) => console.error('database not dropped:', error));
  })();
  return cleaning;
}

async function main(): Promise<void> {
  pinRunner();
  const loadBefore = loadavg();
  const secret = randomBytes(32).toString('hex');
  const database = await createTestDatabase();
  scratchDatabase = database;
  await connect(database.url);

  // The second once the first has applied the migrations (both would, at once).
  console.error('bookings starting: migrations, then the second process…');
  const indexed = await startBookings('indexed', database.url, secret);
  const noindex = await startBookings('noindex', database.url, secret);
  const sides = [indexed, noindex];

  console.error(`${GYMS.toLocaleString('en')} gyms and ${WARMUP + QUERIES} search points…`);
  let started = performance.now();
  await seed();
  const seedSeconds = (performance.now() - started) / 1000;
  const points = await searchPoints();
  const warmupPoints = points.slice(0, WARMUP);
  /** Without the index, the same share of warm-up points as of measured ones. */
  const baselineWarmup = Math.round((WARMUP * BASELINE_QUERIES) / QUERIES);
  const measured = points.slice(WARMUP);

  console.error(`warm-up: ${WARMUP} searches with the index, ${baselineWarmup} without…`);
  for (const side of sides) {
    const warm = side.key === 'indexed' ? warmupPoints : warmupPoints.slice(0, baselineWarmup);
    await runBlock(side, warm, Math.max(1, CONCURRENCY), emptyTally(), database.name);
  }
  console.error(`plan check: ${PLAN_CHECK} searches each way, then the scans PostgreSQL counted…`);
  const checkPoints = measured.slice(0, PLAN_CHECK);
  const scans = {
    noindex: await scansMadeBy(noindex, checkPoints),
    indexed: await scansMadeBy(indexed, checkPoints),
  };

  // The baseline's share of the points, spread evenly.
  const baseline = (_point: Point, i: number) =>
    Math.floor(((i + 1) * BASELINE_QUERIES) / QUERIES) > Math.floor((i * BASELINE_QUERIES) / QUERIES);
  const counts = `${QUERIES} searches with the index, ${BASELINE_QUERIES} without`;
  console.error(`${counts}, one at a time…`);
  started = performance.now();
  const sequential = await runBoth(sides, measured, baseline, 1, database.name);
  const sequentialSeconds = (performance.now() - started) / 1000;
  let concurrent: Tallies | undefined;
  let concurrentSeconds = 0;
  if (CONCURRENCY > 1) {
    console.error(`${counts}, ${CONCURRENCY} at a time…`);
    started = performance.now();
    concurrent = await runBoth(sides, measured, baseline, CONCURRENCY, database.name);
    concurrentSeconds = (performance.now() - started) / 1000;
  }

  // The explained point: the one whose count is the median's.
  const byCount = [...measured].sort((a, b) => a.within - b.within);
  const explained = byCount[Math.floor(byCount.length / 2)]!;
  const plans = {
    indexed: await explain('indexed', explained),
    noindex: await explain('noindex', explained),
  };
  const facts = await databaseFacts();
  const backends = [
    ...(await backendsOf('indexed', database.name)),
    ...(await backendsOf('noindex', database.name)),
  ];
  const loadAfter = loadavg();

  printReport({
    sides,
    facts,
    seedSeconds,
    loadBefore,
    loadAfter,
    backends,
    baselineWarmup,
    byCount,
    scans,
    sequential,
    sequentialSeconds,
    concurrent,
    concurrentSeconds,
    explained,
    plans,
  });
  if (
    someAnswerWrong(sequential, concurrent) ||
    scans.noindex.indexScans > 0 ||
    scans.indexed.indexScans < PLAN_CHECK
  ) {
    console.error('\nsome answers or plans were not as expected: see the tables');
    process.exitCode = 1;
  }
}

let interrupted = false;
// `on`, not `once`: under npm a Ctrl-C arrives twice (the terminal's, and npm's relay).
process.on('SIGINT', () => {
  interrupted = true;
  void cleanup().finally(() => process.exit(130));
});
main()
  .catch((error: unknown) => {
    // After a Ctrl-C the serving processes (sent it too) stop first: their refusals are no news.
    if (!interrupted) console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
