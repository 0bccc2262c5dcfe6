/**
 * The data, drawn reproducibly in PostgreSQL with set-based statements: people, follows,
 * friendships, a few blocks and mutes, activities, and the feed items the push design would
 * have written for them (each feed capped at its newest FEED_CAP).
 */
import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { ACTIVITIES, DAYS, FEED_CAP, FOLLOWS, FRIENDS, PUSH_MAX, USERS } from './options';

const SEED = 0.31;
/** Per person, random draws of accounts to follow (deduplicated, the first FOLLOWS kept). */
const DRAWS = Math.ceil(FOLLOWS * 1.5);
/** A tenth of the draws favour a few accounts (index ~ N·u³): some are followed by thousands. */
const SKEWED = 0.1;

/** Person `i`'s user id (0 is the star, followed by everyone), as the SQL below makes it. */
export function personId(i: number): string {
  const hex = createHash('md5').update(`social-bench-person-${i}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
const uid = (i: string) => `md5('social-bench-person-' || ${i})::uuid`;

/** Whom an audience row (owner ← actor) gets pushed: 0 self (all), 1 friend (not PRIVATE), 2 follower (PUBLIC). */
const PUSHED = `(au.kind = 0 or (au.kind = 1 and a.visibility <> 'PRIVATE') or (au.kind = 2 and a.visibility = 'PUBLIC'))`;

/** Runs `fill` with `table`'s indexes and key dropped, then builds them again as they were. */
async function withoutIndexes(trx: Knex, table: string, fill: () => Promise<void>): Promise<void> {
  const constraints = (
    await trx.raw(
      `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
       where conrelid = 'social.${table}'::regclass and contype in ('p', 'u')`,
    )
  ).rows as Array<{ name: string; def: string }>;
  const indexes = (
    await trx.raw(
      `select indexname as name, indexdef as def from pg_indexes where schemaname = 'social' and tablename = ?
       and indexname not in (select conname from pg_constraint where conrelid = 'social.${table}'::regclass)`,
      [table],
    )
  ).rows as Array<{ name: string; def: string }>;
  for (const { name } of indexes) await trx.raw(`drop index social."${name}"`);
  for (const { name } of constraints) await trx.raw(`alter table social.${table} drop constraint "${name}"`);
  await fill();
  for (const { name, def } of constraints)
    await trx.raw(`alter table social.${table} add constraint "${name}" ${def}`);
  for (const { def } of indexes) await trx.raw(def);
}

export interface SeedFacts {
  steps: Array<[string, number]>;
  /** Feeds short of FEED_CAP in the recent window, completed from older activities. */
  completedFeeds: number;
}

/**
 * Everything into the social tables in one transaction (the session's work_mem raised for
 * the sorts), then vacuumed and analysed. `anchor` is "now": activities are before it.
 */
export async function seed(knex: Knex, anchor: Date): Promise<SeedFacts> {
  const steps: Array<[string, number]> = [];
  let completedFeeds = 0;
  const step = async (label: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    steps.push([label, (performance.now() - started) / 1000]);
    console.error(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  const at = `'${anchor.toISOString()}'::timestamptz`;
  // The window holding each feed's newest FEED_CAP items, with a margin (2.5× the cap on average).
  const perOwner = (ACTIVITIES / (USERS + 1)) * (FOLLOWS + 2 * FRIENDS + 1) * 0.85;
  const windowDays = Math.min(DAYS + 1, (DAYS * 2.5 * FEED_CAP) / perOwner);
  const cutoff = `(${at} - interval '${windowDays.toFixed(3)} days')`;

  await knex.transaction(async (trx) => {
    await trx.raw(`set local work_mem = '512MB'`);
    await trx.raw(`set local maintenance_work_mem = '512MB'`);
    await trx.raw(`select setseed(${SEED})`);
    await trx.raw('create schema bench');
    await step(`${(USERS + 1).toLocaleString('en')} people`, () =>
      trx.raw(`insert into social.person (user_id, display_name, updated_at)
        select ${uid('i')}, 'Person ' || i, ${at} from generate_series(0, ${USERS}) i`),
    );
    await step(`follows (${FOLLOWS} each, and everyone follows the star)`, async () => {
      await trx.raw(`create table bench.follow as
        select follower, followee from (
          select follower, followee, row_number() over (partition by follower order by min(draw)) as n
          from (
            select f.follower, d.draw,
              case when random() < ${SKEWED} then 1 + floor(${USERS} * power(random(), 3))::int
                   else 1 + floor(${USERS} * random())::int end as followee
            from generate_series(0, ${USERS}) f(follower) cross join generate_series(1, ${DRAWS}) d(draw)
          ) draws where followee <> follower
          group by follower, followee
        ) ranked where n <= ${FOLLOWS}
        union all select i, 0 from generate_series(1, ${USERS}) i`);
      await withoutIndexes(trx, 'follow', () =>
        trx.raw(`insert into social.follow (follower_id, followee_id, created_at)
          select ${uid('follower')}, ${uid('followee')}, ${at} - random() * interval '365 days' from bench.follow`),
      );
    });
    await step('friends, blocks, mutes, counts', async () => {
      await trx.raw(`insert into social.friend (user_id, friend_id, since)
        select ${uid('x.a')}, ${uid('x.b')}, s.since from (
          select distinct least(i, j) as a, greatest(i, j) as b from (
            select i, floor(random() * ${USERS + 1})::int as j
            from generate_series(0, ${USERS}) i cross join generate_series(1, ${FRIENDS})
          ) d where i <> j
        ) p cross join lateral (values (p.a, p.b), (p.b, p.a)) x(a, b)
        cross join lateral (select ${at} - interval '400 days' as since) s`);
      for (const [table, columns, count] of [
        ['block', 'blocker_id, blocked_id', Math.ceil(USERS / 10)],
        ['mute', 'muter_id, muted_id', Math.ceil(USERS / 2)],
      ] as const)
        await trx.raw(`insert into social.${table} (${columns}, created_at)
          select ${uid('a')}, ${uid('b')}, ${at} - interval '30 days' from (
            select floor(random() * ${USERS + 1})::int as a, floor(random() * ${USERS + 1})::int as b
            from generate_series(1, ${count})
          ) d where a <> b and b <> 0 on conflict do nothing`);
      for (const [column, from] of [
        ['follower_count', 'select followee_id as id, count(*) as n from social.follow group by 1'],
        ['following_count', 'select follower_id as id, count(*) as n from social.follow group by 1'],
        ['friend_count', 'select user_id as id, count(*) as n from social.friend group by 1'],
      ])
        await trx.raw(`update social.person p set ${column} = c.n from (${from}) c where c.id = p.user_id`);
    });
    await step(`${ACTIVITIES.toLocaleString('en')} activities over ${DAYS} days`, () =>
      withoutIndexes(trx, 'activity', () =>
        trx.raw(`insert into social.activity (id, actor_id, kind, visibility, text, media_ids, created_at)
          select md5('social-bench-activity-' || i)::uuid, ${uid('floor(random() * ' + (USERS + 1) + ')::int')}, 'POST',
            case when v < 0.85 then 'PUBLIC' when v < 0.97 then 'FRIENDS' else 'PRIVATE' end,
            'Post ' || i || repeat(' and more', floor(random() * 30)::int), '[]'::jsonb,
            ${at} - interval '1 minute' - random() * interval '${DAYS} days'
          from (select i, random() as v from generate_series(1, ${ACTIVITIES}) i) s`),
      ),
    );
    await step(`pushed feed items (newest ${FEED_CAP} per feed)`, async () => {
      // Who would have been pushed whose activities, as pushToFeeds decides (by today's counts).
      await trx.raw(`create table bench.audience as
        select owner, actor, min(kind) as kind from (
          select user_id as owner, user_id as actor, 0 as kind from social.person
          union all select friend_id, user_id, 1 from social.friend
          union all select f.follower_id, f.followee_id, 2 from social.follow f
            join social.person p on p.user_id = f.followee_id and p.follower_count <= ${PUSH_MAX}
        ) x group by owner, actor`);
      await withoutIndexes(trx, 'feed_item', async () => {
        // Each feed's newest items within the recent window…
        await trx.raw(`insert into social.feed_item (owner_id, activity_id, actor_id, created_at)
          select owner, id, actor_id, created_at from (
            select au.owner, a.id, a.actor_id, a.created_at,
              row_number() over (partition by au.owner order by a.created_at desc, a.id desc) as n
            from bench.audience au join social.activity a on a.actor_id = au.actor and a.created_at >= ${cutoff}
            where ${PUSHED}
          ) ranked where n <= ${FEED_CAP}`);
        // …and, for a feed with fewer, the newest before it up to the cap.
        const short =
          await trx.raw(`insert into social.feed_item (owner_id, activity_id, actor_id, created_at)
          select owner, id, actor_id, created_at from (
            select s.owner, s.have, a.id, a.actor_id, a.created_at,
              row_number() over (partition by s.owner order by a.created_at desc, a.id desc) as n
            from (
              select p.user_id as owner, coalesce(h.n, 0) as have from social.person p
              left join (select owner_id, count(*) as n from social.feed_item group by owner_id) h on h.owner_id = p.user_id
              where coalesce(h.n, 0) < ${FEED_CAP}
            ) s
            join bench.audience au on au.owner = s.owner
            join social.activity a on a.actor_id = au.actor and a.created_at < ${cutoff}
            where ${PUSHED}
          ) ranked where n <= ${FEED_CAP} - have returning owner_id`);
        completedFeeds = new Set((short.rows as Array<{ owner_id: string }>).map((row) => row.owner_id)).size;
      });
    });
  });
  await step('vacuum analyze', async () => {
    for (const table of ['person', 'follow', 'friend', 'block', 'mute', 'activity', 'feed_item'])
      await knex.raw(`vacuum analyze social.${table}`);
  });
  return { steps, completedFeeds };
}
