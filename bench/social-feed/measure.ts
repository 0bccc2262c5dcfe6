/**
 * The measured reads: for each reader, a first page of FIRST and the page after it (by its
 * cursor), through the subgraph's own `homeFeed` (push, merged with the very followed accounts'
 * pulled activities) or the pull-only baseline, each call on a fresh EntityManager as a request
 * has; the two designs in blocks taking turns, and every answer of one compared with the other's.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageArgs } from '@lattice/subgraph-kit';
import type { SocialRuntime } from '../../subgraphs/social/src/runtime';
import { homeFeed } from '../../subgraphs/social/src/service/feeds';
import type { ActivityPage } from '../../subgraphs/social/src/service/pages';
import { FIRST, ROUNDS } from './options';
import { pullOnlyFeed } from './pull-only';

export type Design = 'push' | 'pull';
export const DESIGNS: Design[] = ['push', 'pull'];

export interface Tally {
  first: number[];
  second: number[];
  seconds: number;
  /** Per reader: the ids of both pages, and whether more follow. */
  answers: Map<number, string>;
  /** Readers whose first page held fewer than FIRST items. */
  shortPages: number;
}

export const emptyTally = (): Tally => ({
  first: [],
  second: [],
  seconds: 0,
  answers: new Map(),
  shortPages: 0,
});

export type Feed = (em: EntityManager, viewerId: string, page: PageArgs) => Promise<ActivityPage>;

export function feedOf(design: Design, runtime: SocialRuntime): Feed {
  return design === 'push'
    ? (em, viewerId, page) => homeFeed(em, runtime.settings, viewerId, page)
    : pullOnlyFeed;
}

const describe = (page: ActivityPage) =>
  page.edges.map((edge) => edge.node.id).join(' ') + (page.pageInfo.hasNextPage ? ' …' : ' ∎');

/** The readers, one at a time, into `tally`. */
export async function runBlock(
  feed: Feed,
  em: () => EntityManager,
  readers: Array<[number, string]>,
  tally: Tally,
): Promise<void> {
  const started = performance.now();
  for (const [i, viewerId] of readers) {
    let t = performance.now();
    const one = await feed(em(), viewerId, { first: FIRST });
    tally.first.push(performance.now() - t);
    let answer = describe(one);
    if (one.edges.length < FIRST) tally.shortPages += 1;
    if (one.pageInfo.endCursor) {
      t = performance.now();
      const two = await feed(em(), viewerId, { first: FIRST, after: one.pageInfo.endCursor });
      tally.second.push(performance.now() - t);
      answer += ` | ${describe(two)}`;
    }
    tally.answers.set(i, answer);
  }
  tally.seconds += (performance.now() - started) / 1000;
}

/** Both designs over all readers in ROUNDS blocks, taking turns (who goes first alternates). */
export async function runBoth(
  feeds: Record<Design, Feed>,
  em: () => EntityManager,
  readers: Array<[number, string]>,
  baselineReaders: number,
  beforeBlock: () => Promise<void>,
): Promise<Record<Design, Tally>> {
  // The baseline's share of the readers, spread evenly (every block has its share).
  const baseline = (i: number) =>
    Math.floor(((i + 1) * baselineReaders) / readers.length) >
    Math.floor((i * baselineReaders) / readers.length);
  const tallies = { push: emptyTally(), pull: emptyTally() };
  const size = Math.ceil(readers.length / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    const block = readers.slice(round * size, (round + 1) * size);
    for (const design of round % 2 === 0 ? DESIGNS : [...DESIGNS].reverse()) {
      await beforeBlock();
      const mine = design === 'push' ? block : block.filter((_reader, i) => baseline(round * size + i));
      await runBlock(feeds[design], em, mine, tallies[design]);
    }
  }
  return tallies;
}

/** Readers (of the baseline's) whose two pages differ between the designs. */
export const differences = (tallies: Record<Design, Tally>): number[] =>
  [...tallies.pull.answers].filter(([i, answer]) => tallies.push.answers.get(i) !== answer).map(([i]) => i);

/** Nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
