/**
 * Home feeds of the social subgraph, push next to pull, in the same run: USERS people following
 * FOLLOWS accounts each (plus one star everyone follows), ACTIVITIES activities, and the feed
 * items the push design would have written (capped at SOCIAL_FEED_CAP per feed). Measures, on
 * one core, home feed reads (a first page of 20 and the page after) through the subgraph's own
 * `homeFeed` next to a pull-only home feed over the same data, checking that both answer the
 * same; then one PUBLIC post by the star through `publish`, pushed to every follower next to
 * pulled. The subgraph runs in this process (startSubgraphFixture) over a scratch database,
 * dropped at the end. See README.md beside this file.
 *   npm run bench:social-feed [-- --small]   (SOCIAL_BENCH_USERS, SOCIAL_BENCH_FOLLOWS,
 *     SOCIAL_BENCH_ACTIVITIES, SOCIAL_BENCH_READS, …; DATABASE_URL, default
 *     postgres://postgres@127.0.0.1:5432/postgres)
 */
import { loadavg } from 'node:os';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { startSubgraphFixture, type SubgraphFixture } from '@lattice/subgraph-kit/testing';
import { subgraph as social } from '@lattice/subgraph-social';
import type { SocialRuntime } from '../../subgraphs/social/src/runtime';
import { type Post, postAsStar } from './fan-out';
import { differences, feedOf, runBlock, emptyTally, runBoth } from './measure';
import { BASELINE_READS, FEED_CAP, POSTS, PUSH_MAX, READS, USERS, WARMUP } from './options';
import { pinBackends, pinSelf } from './pinning';
import { type Facts, printReport } from './report';
import { personId, seed } from './seed';

let fixture: SubgraphFixture<SocialRuntime> | undefined;
let cleaning: Promise<void> | undefined;
/** Stops the subgraph, which drops its scratch database: once, on success or failure. */
const cleanup = () =>
  (cleaning ??= (fixture?.stop() ?? Promise.resolve()).catch((error: unknown) =>
    console.error('social not stopped, database not dropped:', error),
  ));

/** Reproducible draws (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const people = (count: number, seed: number): Array<[number, string]> => {
  const draw = random(seed);
  return Array.from({ length: count }, () => {
    const i = 1 + Math.floor(draw() * USERS);
    return [i, personId(i)];
  });
};

async function facts(knex: Knex): Promise<Facts> {
  const value = async (sql: string) =>
    ((await knex.raw(sql)) as { rows: Array<{ value: string | number }> }).rows[0]!.value;
  const size = (table: string) =>
    value(
      `select pg_size_pretty(pg_table_size('social.${table}')) || ' + indexes ' || pg_size_pretty(pg_indexes_size('social.${table}')) as value`,
    );
  return {
    postgres: await value(
      `select 'PostgreSQL ' || current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', jit ' || current_setting('jit') as value`,
    ),
    people: Number(await value('select count(*) as value from social.person')),
    follows: Number(await value('select count(*) as value from social.follow')),
    'follows per person (min–max, the star left out)': await value(
      `select min(following_count) || '–' || max(following_count) as value from social.person where user_id <> '${personId(0)}'`,
    ),
    'followers per person (median, max besides the star)': await value(
      `select percentile_disc(0.5) within group (order by follower_count) || ', ' || max(follower_count) as value from social.person where user_id <> '${personId(0)}'`,
    ),
    [`accounts followed by more than ${PUSH_MAX} (pulled at read time), the star included`]: Number(
      await value(`select count(*) as value from social.person where follower_count > ${PUSH_MAX}`),
    ),
    'friendships (rows, both ways)': Number(await value('select count(*) as value from social.friend')),
    'blocks, mutes': await value(
      `select (select count(*) from social.block) || ', ' || (select count(*) from social.mute) as value`,
    ),
    'activities (public, friends, private)': await value(
      `select count(*) || ' (' || count(*) filter (where visibility = 'PUBLIC') || ', ' || count(*) filter (where visibility = 'FRIENDS') || ', ' || count(*) filter (where visibility = 'PRIVATE') || ')' as value from social.activity`,
    ),
    'feed items': Number(await value('select count(*) as value from social.feed_item')),
    [`feeds at the cap (${FEED_CAP})`]: Number(
      await value(
        `select count(*) as value from (select owner_id from social.feed_item group by owner_id having count(*) = ${FEED_CAP}) c`,
      ),
    ),
    'activity table': await size('activity'),
    'feed_item table': await size('feed_item'),
  };
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  // No parallel workers (processes on other cores) for any statement of the run.
  process.env.PGOPTIONS = `${process.env.PGOPTIONS ?? ''} -c max_parallel_workers_per_gather=0`.trim();
  console.error('social starting (scratch database, migrations)…');
  fixture = await startSubgraphFixture(social, {
    SOCIAL_JANITOR_INTERVAL_SECONDS: '86400',
    SOCIAL_PUSH_MAX_FOLLOWERS: String(PUSH_MAX),
    SOCIAL_FEED_CAP: String(FEED_CAP),
  });
  const { runtime } = fixture;
  const em = fixture.em as () => EntityManager;
  const knex = em().getConnection().getKnex();
  const database = fixture.fixture.database.name;

  console.error('seeding…');
  const started = performance.now();
  const seedFacts = await seed(knex, runtime.now());
  const seedSeconds = (performance.now() - started) / 1000;
  const dataFacts = await facts(knex);

  pinSelf();
  const beforeBlock = () => pinBackends(knex, database);
  const feeds = { push: feedOf('push', runtime), pull: feedOf('pull', runtime) };
  const readers = people(WARMUP + READS, 42);
  console.error(`warm-up: ${WARMUP} readers each way…`);
  for (const design of ['push', 'pull'] as const) {
    await beforeBlock();
    const warm = readers.slice(0, design === 'push' ? WARMUP : Math.ceil((WARMUP * BASELINE_READS) / READS));
    await runBlock(feeds[design], em, warm, emptyTally());
  }
  console.error(
    `${READS} readers with push, ${BASELINE_READS} of them pull-only, two pages each, one at a time…`,
  );
  const tallies = await runBoth(feeds, em, readers.slice(WARMUP), BASELINE_READS, beforeBlock);

  console.error(`the star posts ${POSTS} times each way…`);
  const posts: Post[] = [];
  const followers = people(50, 7).map(([, id]) => id);
  for (let round = 0; round < POSTS; round += 1)
    for (const how of round % 2 === 0 ? (['push', 'pull'] as const) : (['pull', 'push'] as const)) {
      await beforeBlock();
      posts.push(await postAsStar(runtime, em, how, followers));
    }

  printReport({
    facts: dataFacts,
    seed: seedFacts,
    seedSeconds,
    loadBefore,
    loadAfter: loadavg(),
    tallies,
    posts,
  });
  const wrong = differences(tallies);
  const pushedWrong = posts.some(
    (post) => post.seenBy < post.readMs.length || (post.how === 'push' && post.feedItems !== USERS + 1),
  );
  if (wrong.length || pushedWrong) {
    if (wrong.length)
      console.error(`\nreaders answered differently: ${wrong.slice(0, 10).map(personId).join(', ')}`);
    if (pushedWrong) console.error('\nsome post did not reach every follower: see the table');
    process.exitCode = 1;
  }
}

let interrupted = false;
// `on`, not `once`: under npm a Ctrl-C arrives twice (the terminal's, and npm's relay).
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    interrupted = true;
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
main()
  .catch((error: unknown) => {
    if (!interrupted) console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
