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
import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SIGNATURE_HEADER, signRequest } from '@lattice/server-kit';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { multiCore, startPinned, stopProcess } from '../pinned-process';

const GYMS = Number(process.env.GEO_BENCH_GYMS ?? 100_000);
const QUERIES = Number(process.env.GEO_BENCH_QUERIES ?? 2_000);
/** Searches without the index (a subset of the same points): each costs a whole scan of the table. */
const BASELINE_QUERIES = Math.min(QUERIES, Number(process.env.GEO_BENCH_BASELINE_QUERIES ?? 500));
const WARMUP = Number(process.env.GEO_BENCH_WARMUP ?? 200);
const CONCURRENCY = Number(process.env.GEO_BENCH_CONCURRENCY ?? 8);
const RADIUS_KM = Number(process.env.GEO_BENCH_RADIUS_KM ?? 10);
/** The page asked for: the API's default. */
const FIRST = 20;
/** Each run is cut in this many blocks, the two sides taking turns, so that both share the machine's moods. */
const ROUNDS = 10;
/** Queries per side of the check that each process plans as it should. */
const PLAN_CHECK = 20;
const GYM_SEED = 0.42;
const POINT_SEED = 0.17;
const BOOKINGS_DIR = join(__dirname, '..', '..', 'subgraphs', 'bookings');
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
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

// --- The data: gyms and search points spread like people over Germany ---

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
 * The statement searchGyms (subgraphs/bookings/src/service/gym-search.ts) sends for `near` and
 * `first`, with the values written in: for `explain` and for the gyms within the radius.
 */
function searchSql(latitude: number, longitude: number, radiusKm: number, first: number): string {
  const here = `ll_to_earth(${latitude}::float8, ${longitude}::float8)`;
  const distance = `earth_distance(${here}, ll_to_earth(g.latitude, g.longitude))`;
  const metres = `${radiusKm * 1000}::float8`;
  return `select g.*, ${distance} as distance_m from bookings.gym g
    where g.status <> 'HIDDEN' and earth_box(${here}, ${metres}) @> ll_to_earth(g.latitude, g.longitude)
      and ${distance} <= ${metres}
    order by distance_m, g.id
    limit ${first + 1}`;
}

// --- The serving processes ---

interface Side {
  key: 'indexed' | 'noindex';
  label: string;
  url: string;
  child: ChildProcess;
  pid: number;
}

const SIDES = {
  indexed: { label: 'GiST index (as deployed)', options: '-c max_parallel_workers_per_gather=0' },
  noindex: {
    label: 'no index (index, bitmap and index-only scans off)',
    options:
      '-c max_parallel_workers_per_gather=0 -c enable_indexscan=off -c enable_bitmapscan=off -c enable_indexonlyscan=off',
  },
} as const;

const appName = (key: Side['key']) => `geo-bench-${key}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bookings exited with ${child.exitCode}`);
    try {
      const response = await fetch(new URL('/health/ready', url));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`bookings at ${url} was not ready after 120 s`);
}

/**
 * The bookings subgraph's own entry point (runSubgraph), production mode, pinned to CPU 0.
 * Its pino log goes to stdout; the first line is all startPinned waits for, then /health/ready.
 */
async function startBookings(key: Side['key'], databaseUrl: string, secret: string): Promise<Side> {
  const port = await freePort();
  const { child } = await startPinned(BOOKINGS_DIR, 'src/main.ts', '0', {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SUBGRAPH_SECRET: secret,
    // node-postgres reads both for every connection it opens (its pool's).
    PGOPTIONS: SIDES[key].options,
    PGAPPNAME: appName(key),
    // The janitor would find nothing to do; once at start-up is enough.
    BOOKINGS_JANITOR_INTERVAL_SECONDS: '3600',
    // Not called by a search: billing, identity's keys (anonymous requests), Redis (the in-process bus).
    BILLING_URL: '',
    JWKS_URL: '',
    REDIS_URL: '',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
  });
  resources.children.push(child);
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitReady(url, child);
  return { key, label: SIDES[key].label, url, child, pid: child.pid! };
}

// --- /proc: CPU time, time waiting for a CPU, pinning ---

function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
  } catch {
    return NaN; // gone
  }
}

/** Seconds the threads of a process were runnable but waiting for a CPU (schedstat's second field). */
function waitSeconds(pid: number): number {
  let ns = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]);
      } catch {
        // the thread ended
      }
    }
  } catch {
    return NaN; // gone
  }
  return ns / 1e9;
}

// --- The runner's own connection (setup, counts, statistics, explain) ---

let orm: MikroORM | undefined;
const sql = async <T = Record<string, unknown>>(text: string): Promise<T[]> =>
  (await orm!.em.getConnection().getKnex().raw(text)).rows as T[];

interface Backend {
  pid: number;
  local: boolean;
  /** When it connected (ms since the epoch). */
  since: number;
}

/** This side's PostgreSQL backends (its pool's connections), found by application_name. */
async function backendsOf(key: Side['key'], database: string): Promise<Backend[]> {
  const rows = await sql<{ pid: number; since: string }>(
    `select pid, (extract(epoch from backend_start) * 1000)::float8 as since from pg_stat_activity
     where datname = current_database() and application_name = '${appName(key)}'`,
  );
  return rows.map(({ pid, since }) => {
    let local = false;
    try {
      // A backend of this server on this machine: its command line names the database.
      local = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database);
    } catch {
      // another machine or container
    }
    return { pid, local, since: Number(since) };
  });
}

const pinned = new Set<number>();
let pinFailures = 0;

/** Pins the backends not yet pinned to CPU 0 (where their serving process runs). */
function pinBackends(backends: Backend[]): void {
  if (!multiCore) return;
  for (const { pid, local } of backends) {
    if (!local || pinned.has(pid)) continue;
    try {
      execFileSync('taskset', ['-pc', '0', String(pid)], { stdio: 'ignore' });
      pinned.add(pid);
    } catch {
      pinFailures += 1;
    }
  }
}

// --- The queries ---

interface Point {
  i: number;
  latitude: number;
  longitude: number;
  /** Listed gyms within the radius (the runner's count). */
  within: number;
}

const QUERY = `query GymsNear($near: NearInput!, $first: Int) {
  gyms(near: $near, first: $first) { edges { distanceKm node { id name latitude longitude } } pageInfo { hasNextPage } }
}`;

let secret = '';

interface Answer {
  ms: number;
  ids: string;
  edges: number;
  hasNextPage: boolean;
}

/** One search, signed as the gateway signs it (before the clock starts); throws on any GraphQL error. */
async function search(side: Side, point: Point): Promise<Answer> {
  const body = JSON.stringify({
    query: QUERY,
    variables: {
      near: { latitude: point.latitude, longitude: point.longitude, radiusKm: RADIUS_KM },
      first: FIRST,
    },
  });
  const headers = {
    'content-type': 'application/json',
    [SIGNATURE_HEADER]: signRequest(secret, { method: 'POST', target: '/graphql', body }),
  };
  const begin = performance.now();
  const response = await fetch(side.url, { method: 'POST', headers, body });
  const json = (await response.json()) as {
    data?: { gyms: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } } };
    errors?: unknown;
  };
  const ms = performance.now() - begin;
  if (!response.ok || json.errors || !json.data) throw new Error(`${side.key}: ${JSON.stringify(json)}`);
  const { edges, pageInfo } = json.data.gyms;
  return {
    ms,
    ids: edges.map((edge) => edge.node.id).join(','),
    edges: edges.length,
    hasNextPage: pageInfo.hasNextPage,
  };
}

interface Tally {
  latencies: number[];
  seconds: number;
  cpuSeconds: number;
  waitSeconds: number;
  answers: Map<number, Answer>;
  wrongCount: number;
}

const emptyTally = (): Tally => ({
  latencies: [],
  seconds: 0,
  cpuSeconds: 0,
  waitSeconds: 0,
  answers: new Map(),
  wrongCount: 0,
});

/**
 * CPU and CPU-wait seconds of a serving process and its backends while `run` runs. Backends are
 * looked for every 250 ms (the pool opens and closes connections) and pinned to CPU 0 when
 * found; one that connected during the run counts from zero, one that ended is left out.
 */
async function watchServer(side: Side, database: string, run: () => Promise<void>) {
  const startedAt = Date.now();
  const before = new Map([[side.pid, { cpu: cpuSeconds(side.pid), wait: waitSeconds(side.pid) }]]);
  let looking: Promise<void> | undefined;
  const look = () =>
    (looking ??= backendsOf(side.key, database)
      .then((backends) => {
        const local = backends.filter((backend) => backend.local && !before.has(backend.pid));
        pinBackends(local);
        for (const { pid, since } of local) {
          before.set(
            pid,
            since >= startedAt ? { cpu: 0, wait: 0 } : { cpu: cpuSeconds(pid), wait: waitSeconds(pid) },
          );
        }
      })
      .finally(() => (looking = undefined)));
  await look();
  const timer = setInterval(() => void look().catch(() => undefined), 250);
  try {
    await run();
  } finally {
    clearInterval(timer);
    await looking?.catch(() => undefined);
  }
  let cpu = 0;
  let wait = 0;
  for (const [pid, start] of before) {
    const [cpuNow, waitNow] = [cpuSeconds(pid), waitSeconds(pid)];
    if (Number.isFinite(cpuNow) && Number.isFinite(start.cpu)) cpu += cpuNow - start.cpu;
    if (Number.isFinite(waitNow) && Number.isFinite(start.wait)) wait += waitNow - start.wait;
  }
  return { cpu, wait };
}

/** `points` searched on `side` by `concurrency` callers taking the next point in turn, into `tally`. */
async function runBlock(
  side: Side,
  points: Point[],
  concurrency: number,
  tally: Tally,
  database: string,
): Promise<void> {
  const started = performance.now();
  let next = 0;
  const { cpu, wait } = await watchServer(side, database, async () => {
    await Promise.all(
      Array.from({ length: Math.max(1, concurrency) }, async () => {
        while (next < points.length) {
          const point = points[next++]!;
          const answer = await search(side, point);
          tally.latencies.push(answer.ms);
          tally.answers.set(point.i, answer);
          if (answer.edges !== Math.min(FIRST, point.within) || answer.hasNextPage !== point.within > FIRST)
            tally.wrongCount += 1;
        }
      }),
    );
  });
  tally.seconds += (performance.now() - started) / 1000;
  tally.cpuSeconds += cpu;
  tally.waitSeconds += wait;
}

/**
 * Both sides in ROUNDS blocks taking turns (who goes first alternates): the indexed side over
 * every point, the other over the points `baseline` keeps (the same ones, or fewer, spread
 * evenly: every block has its share).
 */
async function runBoth(
  sides: Side[],
  points: Point[],
  baseline: (point: Point, index: number) => boolean,
  concurrency: number,
  database: string,
) {
  const tallies = new Map(sides.map((side) => [side.key, emptyTally()]));
  const size = Math.ceil(points.length / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    const block = points.slice(round * size, (round + 1) * size);
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const mine =
        side.key === 'indexed' ? block : block.filter((point, i) => baseline(point, round * size + i));
      await runBlock(side, mine, concurrency, tallies.get(side.key)!, database);
    }
  }
  return tallies;
}

// --- Statistics: which scans each process made ---

interface ScanCounts {
  seqScans: number;
  indexScans: number;
}

async function scanCounts(): Promise<ScanCounts> {
  const [row] = await sql<{ seq_scan: string; idx_scan: string }>(
    `select t.seq_scan, i.idx_scan from pg_stat_user_tables t
       join pg_stat_user_indexes i on i.relid = t.relid and i.indexrelname = 'gym_location_index'
     where t.relid = 'bookings.gym'::regclass`,
  );
  return { seqScans: Number(row!.seq_scan), indexScans: Number(row!.idx_scan) };
}

/**
 * A backend reports its counters when idle, at the latest PostgreSQL 15's PGSTAT_IDLE_INTERVAL
 * (10 s) after its last statement: waiting longer makes every earlier scan counted.
 */
const STATISTICS_SETTLE_MS = 11_000;

/** PLAN_CHECK searches on `side`, then the scans of bookings.gym they added once reported. */
async function scansMadeBy(side: Side, points: Point[]): Promise<ScanCounts> {
  await sleep(STATISTICS_SETTLE_MS);
  const before = await scanCounts();
  for (const point of points) await search(side, point);
  await sleep(STATISTICS_SETTLE_MS);
  const after = await scanCounts();
  return { seqScans: after.seqScans - before.seqScans, indexScans: after.indexScans - before.indexScans };
}

// --- explain (analyze, buffers) ---

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Sort Method'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Actual Total Time': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Exact Heap Blocks'?: number;
  Plans?: PlanNode[];
}

async function explain(key: Side['key'], point: Point): Promise<string[]> {
  const settings = SIDES[key].options
    .split('-c ')
    .filter(Boolean)
    .map((option) => {
      const [name, value] = option.trim().split('=');
      return `set local ${name} = ${value}`;
    });
  type Explained = Array<{
    Plan: PlanNode;
    'Planning Time': number;
    'Execution Time': number;
    JIT?: { Functions: number; Timing: { Total: number } };
  }>;
  let explained: Explained = [];
  await orm!.em
    .getConnection()
    .getKnex()
    .transaction(async (trx) => {
      for (const setting of settings) await trx.raw(setting);
      const sql = searchSql(point.latitude, point.longitude, RADIUS_KM, FIRST);
      const result = (await trx.raw(`explain (analyze, buffers, format json) ${sql}`)) as {
        rows: Array<{ 'QUERY PLAN': Explained }>;
      };
      explained = result.rows[0]!['QUERY PLAN'];
    });
  const { Plan: plan, 'Planning Time': planning, 'Execution Time': execution, JIT: jit } = explained[0]!;
  const lines: string[] = [];
  const walk = (node: PlanNode, depth: number) => {
    const on = node['Index Name'] ?? node['Relation Name'];
    const parts = [
      `${'  '.repeat(depth)}${depth ? '-> ' : ''}${node['Node Type']}${on ? ` on ${on}` : ''}`,
      `rows ${node['Actual Rows']}${node['Actual Loops'] > 1 ? ` × ${node['Actual Loops']} loops` : ''}`,
      node['Rows Removed by Index Recheck']
        ? `removed by recheck ${node['Rows Removed by Index Recheck']}`
        : '',
      node['Rows Removed by Filter'] !== undefined
        ? `removed by filter ${node['Rows Removed by Filter']}`
        : '',
      node['Sort Method'] ? node['Sort Method'] : '',
      node['Exact Heap Blocks'] !== undefined ? `heap blocks ${node['Exact Heap Blocks']}` : '',
      `buffers hit ${node['Shared Hit Blocks'] ?? 0} read ${node['Shared Read Blocks'] ?? 0}`,
      `${node['Actual Total Time'].toFixed(3)} ms`,
    ];
    lines.push(parts.filter(Boolean).join(', '));
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(plan, 0);
  lines.push(
    `planning ${planning.toFixed(3)} ms, execution ${execution.toFixed(3)} ms` +
      (jit ? `, of which JIT ${jit.Timing.Total.toFixed(3)} ms (${jit.Functions} functions)` : ', no JIT'),
  );
  return lines;
}

// --- Figures ---

/** Nearest rank. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

interface Figures {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  qps: number;
}

function figures(tally: Tally): Figures {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
    qps: tally.latencies.length / tally.seconds,
  };
}

function printRun(title: string, sides: Side[], tallies: Map<Side['key'], Tally>): void {
  console.log(`\n${title}\n`);
  console.log(
    '| side | queries | p50 ms | p90 ms | p99 ms | max ms | queries/s | server CPU ms/query | server waited for a CPU ms/query | answers as counted | same gyms as indexed |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const indexed = tallies.get('indexed')!;
  for (const side of sides) {
    const tally = tallies.get(side.key)!;
    const f = figures(tally);
    const count = tally.latencies.length;
    let same = 0;
    for (const [i, answer] of tally.answers) if (indexed.answers.get(i)?.ids === answer.ids) same += 1;
    console.log(
      `| ${side.label} | ${count} | ${fixed(f.p50)} | ${fixed(f.p90)} | ${fixed(f.p99)} | ${fixed(f.max)} | ${fixed(f.qps, 1)} | ${fixed((1000 * tally.cpuSeconds) / count)} | ${fixed((1000 * tally.waitSeconds) / count)} | ${count - tally.wrongCount}/${count} | ${same}/${tally.answers.size} |`,
    );
  }
  const a = figures(indexed);
  const b = figures(tallies.get('noindex')!);
  console.log(
    `| **no index ÷ index** | | ${fixed(b.p50 / a.p50, 1)}× | ${fixed(b.p90 / a.p90, 1)}× | ${fixed(b.p99 / a.p99, 1)}× | ${fixed(b.max / a.max, 1)}× | ${fixed(a.qps / b.qps, 1)}× fewer | ${fixed(tallies.get('noindex')!.cpuSeconds / tallies.get('noindex')!.latencies.length / (indexed.cpuSeconds / indexed.latencies.length), 1)}× | | | |`,
  );
}

// --- The run ---

const resources: { database?: TestDatabase; children: ChildProcess[] } = { children: [] };
let cleaning: Promise<void> | undefined;

/** Stops the serving processes, closes the runner's pool, drops the database: once, on success or failure. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(
      resources.children.map(async (child) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await stopProcess(child);
        clearTimeout(kill);
      }),
    );
    await orm?.close().catch(() => undefined);
    if (resources.database)
      await resources.database
        .drop()
        .catch((error: unknown) => console.error('database not dropped:', error));
  })();
  return cleaning;
}

async function main(): Promise<void> {
  // The serving processes and their backends get CPU 0; this one (the client) the others.
  if (multiCore) execFileSync('taskset', ['-a', '-cp', `1-${cpus().length - 1}`, String(process.pid)]);
  const loadBefore = loadavg();
  secret = randomBytes(32).toString('hex');
  const database = await createTestDatabase();
  resources.database = database;
  orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: database.url,
    entities: [],
    allowGlobalContext: true,
    pool: { min: 0, max: 2 },
    discovery: { warnWhenNoEntities: false },
  });

  // The second once the first has applied the migrations (both would, at once).
  console.error('bookings starting: migrations, then the second process…');
  const indexed = await startBookings('indexed', database.url, secret);
  const noindex = await startBookings('noindex', database.url, secret);
  const sides = [indexed, noindex];

  console.error(`${GYMS.toLocaleString('en')} gyms and ${WARMUP + QUERIES} search points…`);
  let started = performance.now();
  const knex = orm.em.getConnection().getKnex();
  await knex.transaction(async (trx) => {
    await trx.raw(`select setseed(${GYM_SEED})`);
    await trx.raw(`
      insert into bookings.gym (id, name, address, latitude, longitude, time_zone, status, opening_hours,
        picture_ids, created_by, created_at)
      select md5('geo-bench-gym-' || p.i)::uuid, 'Gym ' || p.i, p.i || ' Hauptstraße, ' || p.place,
        p.latitude, p.longitude, 'Europe/Berlin', p.status, '${OPENING_HOURS}'::jsonb, '[]'::jsonb,
        '00000000-0000-4000-8000-000000000000', now()
      from (${placesSql(GYMS)}) p`);
  });
  await knex.transaction(async (trx) => {
    await trx.raw(`select setseed(${POINT_SEED})`);
    await trx.raw('create schema bench');
    await trx.raw(
      `create table bench.point as select i, latitude, longitude from (${placesSql(WARMUP + QUERIES)}) p`,
    );
  });
  // Vacuumed now, or autovacuum would do it (100,000 rows inserted) in the middle of a run.
  await sql('vacuum analyze bookings.gym');
  await sql('vacuum analyze bench.point');
  const seedSeconds = (performance.now() - started) / 1000;
  const radius = `${RADIUS_KM * 1000}::float8`;
  const points = await sql<Point>(`
    select p.i, p.latitude, p.longitude, count(g.id)::int as within
    from bench.point p left join bookings.gym g
      on g.status <> 'HIDDEN'
     and earth_box(ll_to_earth(p.latitude, p.longitude), ${radius}) @> ll_to_earth(g.latitude, g.longitude)
     and earth_distance(ll_to_earth(p.latitude, p.longitude), ll_to_earth(g.latitude, g.longitude)) <= ${radius}
    group by p.i, p.latitude, p.longitude order by p.i`);
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
  let concurrent: Awaited<ReturnType<typeof runBoth>> | undefined;
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
  const [facts] = await sql<Record<string, string>>(`
    select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
      current_setting('work_mem') as work_mem, current_setting('jit') as jit,
      pg_size_pretty(pg_table_size('bookings.gym')) as table_size,
      pg_size_pretty(pg_relation_size('bookings.gym_location_index')) as index_size,
      (select count(*) from bookings.gym) as gyms,
      (select count(*) from bookings.gym where status = 'HIDDEN') as hidden`);
  const backends = [
    ...(await backendsOf('indexed', database.name)),
    ...(await backendsOf('noindex', database.name)),
  ];
  const loadAfter = loadavg();

  // --- Print ---
  const within = byCount.map((point) => point.within);
  const meanWithin = within.reduce((sum, n) => sum + n, 0) / within.length;
  const returned = within.map((n) => Math.min(FIRST, n));
  const cpu = cpus();
  const localBackends = backends.filter((backend) => backend.local).length;
  console.log(
    `\n${Number(facts!.gyms).toLocaleString('en')} gyms (${facts!.hidden} hidden), table ${facts!.table_size}, ` +
      `gym_location_index ${facts!.index_size}; inserted, the search points made and analysed in ${fixed(seedSeconds, 1)} s`,
  );
  console.log(
    `machine: ${cpu.length} cores (${cpu[0]?.model.trim()}), node ${process.version}, PostgreSQL ${facts!.version} ` +
      `(shared_buffers ${facts!.shared_buffers}, work_mem ${facts!.work_mem}, jit ${facts!.jit}, no parallel workers: ` +
      `max_parallel_workers_per_gather=0 on both sides); load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')} before, ` +
      `${loadAfter.map((n) => n.toFixed(2)).join(' ')} after`,
  );
  console.log(
    multiCore
      ? `pinning: both bookings processes on CPU 0, with their PostgreSQL backends (${pinned.size}, pinned as their pools opened them)` +
          `${localBackends < backends.length ? ` (${backends.length - localBackends} not on this machine: not pinned)` : ''}` +
          `${pinFailures ? ` (${pinFailures} could not be pinned)` : ''}; the runner on CPU${cpu.length > 2 ? `s 1-${cpu.length - 1}` : ' 1'}`
      : 'pinning: none (one CPU): the runner shares it',
  );
  console.log(
    `search: gyms(near: {radiusKm: ${RADIUS_KM}}, first: ${FIRST}) over HTTP to each bookings process, signed as the gateway; ` +
      `${QUERIES} points (without the index: ${BASELINE_QUERIES} of them, evenly spread), after a warm-up ` +
      `(${WARMUP} and ${baselineWarmup} other points, ${Math.max(1, CONCURRENCY)} at a time, not reported), ` +
      `in ${ROUNDS} blocks taking turns ` +
      `(${fixed(sequentialSeconds, 1)} s one at a time${concurrent ? `, ${fixed(concurrentSeconds, 1)} s ${CONCURRENCY} at a time` : ''})`,
  );
  console.log(
    `gyms within ${RADIUS_KM} km of a search point (listed ones): mean ${fixed(meanWithin, 1)}, ` +
      `p10 ${percentile(within, 0.1)}, p50 ${percentile(within, 0.5)}, p90 ${percentile(within, 0.9)}, ` +
      `min ${within[0]}, max ${within.at(-1)}; none for ${within.filter((n) => n === 0).length}; ` +
      `more than a page (${FIRST}) for ${within.filter((n) => n > FIRST).length} of ${within.length}; ` +
      `gyms returned per query: mean ${fixed(returned.reduce((sum, n) => sum + n, 0) / returned.length, 1)}`,
  );
  console.log(
    `plan check (${PLAN_CHECK} searches each, PostgreSQL's counters for bookings.gym): ` +
      `indexed process +${scans.indexed.indexScans} gym_location_index scans, +${scans.indexed.seqScans} seq scans; ` +
      `no-index process +${scans.noindex.indexScans} gym_location_index scans, +${scans.noindex.seqScans} seq scans`,
  );
  printRun('one at a time', sides, sequential);
  if (concurrent) printRun(`${CONCURRENCY} at a time`, sides, concurrent);
  console.log(
    `\nexplain (analyze, buffers) of the statement searchGyms sends, at (${explained.latitude.toFixed(4)}, ` +
      `${explained.longitude.toFixed(4)}): ${explained.within} gyms within ${RADIUS_KM} km (the median point)`,
  );
  for (const side of sides) {
    console.log(`\n${side.label}:\n`);
    for (const line of plans[side.key]) console.log(`    ${line}`);
  }
  const wrong = [...sequential.values(), ...(concurrent?.values() ?? [])].some(
    (tally) =>
      tally.wrongCount > 0 ||
      [...tally.answers].some(([i, answer]) => sequential.get('indexed')!.answers.get(i)?.ids !== answer.ids),
  );
  if (wrong || scans.noindex.indexScans > 0 || scans.indexed.indexScans < PLAN_CHECK) {
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
