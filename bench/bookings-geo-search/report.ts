/**
 * The report on stdout: the data, the machine, pinning, the search, the plan check, a table per
 * run (figures of each side and their ratio) and the explained plans.
 */
import { cpus } from 'node:os';
import { multiCore } from '../pinned-process';
import type { Tallies, Tally } from './measure';
import {
  BASELINE_QUERIES,
  CONCURRENCY,
  FIRST,
  PLAN_CHECK,
  QUERIES,
  RADIUS_KM,
  ROUNDS,
  WARMUP,
} from './options';
import { type Backend, pinningCounts } from './pinning';
import type { ScanCounts } from './plan-check';
import type { Side } from './processes';
import { sql } from './runner-connection';
import type { Point } from './seed';

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

/** One run's table: each side's figures and checks, then the ratio of the two. */
function printRun(title: string, sides: Side[], tallies: Tallies): void {
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

/** The server's version and settings, the sizes of bookings.gym and its index, the gyms and hidden ones. */
export async function databaseFacts(): Promise<Record<string, string>> {
  const [facts] = await sql<Record<string, string>>(`
    select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
      current_setting('work_mem') as work_mem, current_setting('jit') as jit,
      pg_size_pretty(pg_table_size('bookings.gym')) as table_size,
      pg_size_pretty(pg_relation_size('bookings.gym_location_index')) as index_size,
      (select count(*) from bookings.gym) as gyms,
      (select count(*) from bookings.gym where status = 'HIDDEN') as hidden`);
  return facts!;
}

export interface Results {
  sides: Side[];
  facts: Record<string, string>;
  /** Inserting the gyms and search points, and analysing them. */
  seedSeconds: number;
  loadBefore: number[];
  loadAfter: number[];
  /** Both sides' PostgreSQL backends at the end. */
  backends: Backend[];
  /** Warm-up points of the side without the index. */
  baselineWarmup: number;
  /** The measured points, by the number of gyms within the radius. */
  byCount: Point[];
  scans: Record<Side['key'], ScanCounts>;
  sequential: Tallies;
  sequentialSeconds: number;
  concurrent: Tallies | undefined;
  concurrentSeconds: number;
  /** The point explained, and each side's plan there. */
  explained: Point;
  plans: Record<Side['key'], string[]>;
}

export function printReport(results: Results): void {
  const { sides, facts, seedSeconds, loadBefore, loadAfter, backends, baselineWarmup, byCount, scans } =
    results;
  const { sequential, sequentialSeconds, concurrent, concurrentSeconds, explained, plans } = results;
  const within = byCount.map((point) => point.within);
  const meanWithin = within.reduce((sum, n) => sum + n, 0) / within.length;
  const returned = within.map((n) => Math.min(FIRST, n));
  const cpu = cpus();
  const localBackends = backends.filter((backend) => backend.local).length;
  const pinning = pinningCounts();
  console.log(
    `\n${Number(facts.gyms).toLocaleString('en')} gyms (${facts.hidden} hidden), table ${facts.table_size}, ` +
      `gym_location_index ${facts.index_size}; inserted, the search points made and analysed in ${fixed(seedSeconds, 1)} s`,
  );
  console.log(
    `machine: ${cpu.length} cores (${cpu[0]?.model.trim()}), node ${process.version}, PostgreSQL ${facts.version} ` +
      `(shared_buffers ${facts.shared_buffers}, work_mem ${facts.work_mem}, jit ${facts.jit}, no parallel workers: ` +
      `max_parallel_workers_per_gather=0 on both sides); load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')} before, ` +
      `${loadAfter.map((n) => n.toFixed(2)).join(' ')} after`,
  );
  console.log(
    multiCore
      ? `pinning: both bookings processes on CPU 0, with their PostgreSQL backends (${pinning.pinned}, pinned as their pools opened them)` +
          `${localBackends < backends.length ? ` (${backends.length - localBackends} not on this machine: not pinned)` : ''}` +
          `${pinning.failures ? ` (${pinning.failures} could not be pinned)` : ''}; the runner on CPU${cpu.length > 2 ? `s 1-${cpu.length - 1}` : ' 1'}`
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
}
