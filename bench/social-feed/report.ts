/** What the run prints: the data, the reads both ways, the star's posts both ways, the checks. */
import { cpus } from 'node:os';
import type { Post } from './fan-out';
import { type Design, differences, percentile, type Tally } from './measure';
import { BASELINE_READS, FEED_CAP, FIRST, PUSH_MAX, READS, SMALL, USERS, WARMUP } from './options';
import { pinningCounts } from './pinning';
import type { SeedFacts } from './seed';

export type Facts = Record<string, string | number>;

export interface Results {
  facts: Facts;
  seed: SeedFacts;
  seedSeconds: number;
  loadBefore: number[];
  loadAfter: number[];
  tallies: Record<Design, Tally>;
  posts: Post[];
}

const ms = (value: number) => value.toFixed(2);
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
const LABELS: Record<Design, string> = {
  push: 'push (homeFeed: feed items + pulled very followed)',
  pull: 'pull-only (newest of each followed, friend, self)',
};

function readTable(tallies: Record<Design, Tally>): string[] {
  const rows = [
    '| design | reads | page 1 p50 ms | page 1 p99 ms | page 1 max ms | page 2 p50 ms | page 2 p99 ms | reads/s (both pages) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const figures = (tally: Tally) => [
    percentile(tally.first, 50),
    percentile(tally.first, 99),
    Math.max(...tally.first),
    percentile(tally.second, 50),
    percentile(tally.second, 99),
  ];
  for (const design of ['push', 'pull'] as const) {
    const tally = tallies[design];
    rows.push(
      `| ${LABELS[design]} | ${tally.first.length} | ${figures(tally).map(ms).join(' | ')} | ${(tally.first.length / tally.seconds).toFixed(1)} |`,
    );
  }
  const [push, pull] = [figures(tallies.push), figures(tallies.pull)];
  const rate = (t: Tally) => t.first.length / t.seconds;
  rows.push(
    `| **pull-only ÷ push** | | ${pull.map((value, i) => `${(value / push[i]!).toFixed(1)}×`).join(' | ')} | ${(rate(tallies.push) / rate(tallies.pull)).toFixed(1)}× fewer |`,
  );
  return rows;
}

function postTable(posts: Post[]): string[] {
  const rows = [
    "| post | posts | to every follower: median ms | min ms | max ms | feed items written | followers' next read: p50 ms | sampled followers seeing it first |",
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const how of ['push', 'pull'] as const) {
    const mine = posts.filter((post) => post.how === how);
    const times = mine.map((post) => post.ms);
    const reads = mine.flatMap((post) => post.readMs);
    const label =
      how === 'push'
        ? `push (threshold ${USERS.toLocaleString('en')}: written into every feed)`
        : `pull (threshold ${(USERS - 1).toLocaleString('en')}: one write, read at read time)`;
    rows.push(
      `| ${label} | ${mine.length} | ${ms(percentile(times, 50))} | ${ms(Math.min(...times))} | ${ms(Math.max(...times))} | ${mine.map((post) => post.feedItems).join(', ')} | ${ms(percentile(reads, 50))} | ${mine.map((post) => `${post.seenBy}/${post.readMs.length}`).join(', ')} |`,
    );
  }
  return rows;
}

export function printReport(results: Results): void {
  const { facts, seed, tallies, posts } = results;
  const pins = pinningCounts();
  const lines = [
    `Social home feed benchmark${SMALL ? ' (--small)' : ''}: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, ${facts.postgres}`,
    `load average ${load(results.loadBefore)} before, ${load(results.loadAfter)} after`,
    pins.multiCore
      ? `one core: this process and ${pins.pinned} PostgreSQL backends pinned to CPU 0 (${pins.failures} failed)`
      : 'one core: the machine has only one',
    '',
    `Data, seeded in ${results.seedSeconds.toFixed(1)} s (${seed.steps.map(([label, s]) => `${label} ${s.toFixed(1)} s`).join('; ')}):`,
    ...Object.entries(facts)
      .filter(([key]) => key !== 'postgres')
      .map(([key, value]) => `  ${key}: ${typeof value === 'number' ? value.toLocaleString('en') : value}`),
    `  feeds completed from before the recent window: ${seed.completedFeeds}`,
    `  SOCIAL_PUSH_MAX_FOLLOWERS ${PUSH_MAX.toLocaleString('en')}, SOCIAL_FEED_CAP ${FEED_CAP}`,
    '',
    `Home feed reads, one at a time, ${READS} random readers with push, ${BASELINE_READS} of them pull-only (after a warm-up of ${WARMUP}), first ${FIRST} and the page after:`,
    '',
    ...readTable(tallies),
    '',
    `Same answers both ways (both pages): ${BASELINE_READS - differences(tallies).length}/${BASELINE_READS}; first pages short of ${FIRST}: push ${tallies.push.shortPages}, pull-only ${tallies.pull.shortPages}`,
    '',
    `One PUBLIC post by the star (${USERS.toLocaleString('en')} followers), the transaction of publish as post runs it:`,
    '',
    ...postTable(posts),
  ];
  console.log(lines.join('\n'));
}
