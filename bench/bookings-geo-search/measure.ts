/**
 * The measured searches: blocks of points on one side, each answer timed and checked against the
 * runner's count, with the CPU time (and time waiting for a CPU) of the side's serving process
 * and its PostgreSQL backends; both sides taking turns.
 */
import { cpuSeconds, waitSeconds } from './cpu-time';
import { FIRST, ROUNDS } from './options';
import { backendsOf, pinBackends } from './pinning';
import type { Side } from './processes';
import { type Answer, search } from './search';
import type { Point } from './seed';

export interface Tally {
  latencies: number[];
  seconds: number;
  cpuSeconds: number;
  waitSeconds: number;
  answers: Map<number, Answer>;
  wrongCount: number;
}

/** One tally per side. */
export type Tallies = Map<Side['key'], Tally>;

export const emptyTally = (): Tally => ({
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
export async function runBlock(
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
export async function runBoth(
  sides: Side[],
  points: Point[],
  baseline: (point: Point, index: number) => boolean,
  concurrency: number,
  database: string,
): Promise<Tallies> {
  const tallies: Tallies = new Map(sides.map((side) => [side.key, emptyTally()]));
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

/**
 * Whether any answer, one at a time or concurrent, was not as counted or did not list the same
 * gyms as the indexed process's answer one at a time for that point.
 */
export function someAnswerWrong(sequential: Tallies, concurrent: Tallies | undefined): boolean {
  return [...sequential.values(), ...(concurrent?.values() ?? [])].some(
    (tally) =>
      tally.wrongCount > 0 ||
      [...tally.answers].some(([i, answer]) => sequential.get('indexed')!.answers.get(i)?.ids !== answer.ids),
  );
}
