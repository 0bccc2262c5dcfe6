/**
 * The run's options (SOCIAL_BENCH_*, `--small`, DATABASE_URL; see README.md), checked before
 * anything starts, and the fixed choices that go with them.
 */

/**
 * `--small` (argv, as in `npm run bench:social-feed -w @lattice/bench -- --small`) or
 * SOCIAL_BENCH_SMALL=1 (through the root script, whose nested npm drops arguments): a quick run.
 */
export const SMALL = process.argv.includes('--small') || process.env.SOCIAL_BENCH_SMALL === '1';

const option = (name: string, full: number, small: number): number =>
  Number(process.env[`SOCIAL_BENCH_${name}`] || (SMALL ? small : full));

/** People (besides the star, below). */
export const USERS = option('USERS', 10_000, 2_000);
/** Accounts each person follows (drawn at random, a tenth of them skewed to a few popular ones). */
export const FOLLOWS = option('FOLLOWS', 200, 100);
export const ACTIVITIES = option('ACTIVITIES', 1_000_000, 100_000);
/** Friend requests each person made and had accepted (about twice as many friends each). */
export const FRIENDS = option('FRIENDS', 10, 10);
/** Home feed reads per design, each a first page and the page after it. */
export const READS = option('READS', 2_000, 1_000);
/**
 * Readers of the pull-only baseline: every k-th of READS (the same readers), as each of its
 * reads costs some 20,000 activity rows.
 */
export const BASELINE_READS = Math.min(READS, option('BASELINE_READS', 200, 200));
export const WARMUP = option('WARMUP', 200, 100);
/** Posts by the star each way (push, pull), taking turns. */
export const POSTS = option('POSTS', 5, 5);
/** The subgraph's SOCIAL_PUSH_MAX_FOLLOWERS for the seeded feeds and the reads (its default). */
export const PUSH_MAX = option('PUSH_MAX', 5_000, 1_000);
/** SOCIAL_FEED_CAP: the newest items kept in each pushed feed (its default). */
export const FEED_CAP = option('FEED_CAP', 800, 800);
/** Activities are spread over this many days before now. */
export const DAYS = 180;
/** The page asked for: the API's default. */
export const FIRST = 20;
/** Reads are cut in this many blocks, the two designs taking turns, so that both share the machine's moods. */
export const ROUNDS = 10;
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

if (!(
  USERS >= 10 &&
  FOLLOWS >= 1 &&
  FOLLOWS < USERS / 2 &&
  ACTIVITIES >= 1 &&
  FRIENDS >= 0 &&
  READS >= ROUNDS &&
  BASELINE_READS >= ROUNDS &&
  WARMUP >= 0 &&
  POSTS >= 1 &&
  PUSH_MAX >= 0 &&
  PUSH_MAX < USERS &&
  FEED_CAP >= 50
))
  throw new Error(
    'SOCIAL_BENCH_USERS must be ≥ 10, SOCIAL_BENCH_FOLLOWS between 1 and half the users, ' +
      `SOCIAL_BENCH_ACTIVITIES and SOCIAL_BENCH_POSTS ≥ 1, SOCIAL_BENCH_READS and SOCIAL_BENCH_BASELINE_READS ≥ ${ROUNDS}, ` +
      'SOCIAL_BENCH_PUSH_MAX below the users (the star must be pulled), SOCIAL_BENCH_FEED_CAP ≥ 50',
  );
