import type { EntityManager } from '@mikro-orm/postgresql';
import type { Activity } from '../entities';
import type { SocialSettings } from './settings';

/** How many of a newly followed account's recent activities join the follower's feed. */
const BACKFILL = 20;

/**
 * Pushes a new activity into the home feeds of its audience at write time, in one statement:
 * the actor, their friends (unless PRIVATE), and for a PUBLIC one their followers, unless the
 * actor has more than SOCIAL_PUSH_MAX_FOLLOWERS of them: then each follower pulls it when
 * reading (feeds.ts), and the post costs one write instead of one per follower.
 */
export async function pushToFeeds(
  em: EntityManager,
  activity: Activity,
  settings: SocialSettings,
): Promise<void> {
  const audience = [`select ?::uuid as owner_id`];
  const params: unknown[] = [activity.actorId];
  if (activity.visibility !== 'PRIVATE') {
    audience.push('select friend_id from social.friend where user_id = ?');
    params.push(activity.actorId);
  }
  if (activity.visibility === 'PUBLIC') {
    audience.push(
      `select f.follower_id from social.follow f
       where f.followee_id = ?
         and (select follower_count from social.person where user_id = ?) <= ?`,
    );
    params.push(activity.actorId, activity.actorId, settings.SOCIAL_PUSH_MAX_FOLLOWERS);
  }
  await em.execute(
    `insert into social.feed_item (owner_id, activity_id, actor_id, created_at)
     select owner_id, ?, ?, ? from (${audience.join(' union ')}) audience
     on conflict do nothing`,
    [activity.id, activity.actorId, activity.createdAt, ...params],
  );
}

/** A new follower's feed gets the account's recent activities they may see. */
export async function backfill(em: EntityManager, followerId: string, followeeId: string): Promise<void> {
  await em.execute(
    `insert into social.feed_item (owner_id, activity_id, actor_id, created_at)
     select ?, a.id, a.actor_id, a.created_at from social.activity a
     where a.actor_id = ?
       and (a.visibility = 'PUBLIC'
            or (a.visibility = 'FRIENDS' and exists (select 1 from social.friend f where f.user_id = a.actor_id and f.friend_id = ?)))
     order by a.created_at desc limit ${BACKFILL}
     on conflict do nothing`,
    [followerId, followeeId, followerId],
  );
}

/** Takes `actorId`'s activities out of `ownerId`'s feed. */
export async function dropFromFeed(em: EntityManager, ownerId: string, actorId: string): Promise<void> {
  await em.execute('delete from social.feed_item where owner_id = ? and actor_id = ?', [ownerId, actorId]);
}

/** Keeps each feed at its newest `cap` items (Mastodon keeps ~800 per timeline). */
export async function trimFeeds(em: EntityManager, cap: number): Promise<number> {
  const [row] = await em.execute<Array<{ trimmed: string }>>(
    `with over as (
       select owner_id from social.feed_item group by owner_id having count(*) > ?
     ), doomed as (
       select fi.owner_id, fi.activity_id from over
       cross join lateral (
         select owner_id, activity_id from social.feed_item
         where owner_id = over.owner_id
         order by created_at desc, activity_id desc offset ?
       ) fi
     ), gone as (
       delete from social.feed_item f using doomed d
       where f.owner_id = d.owner_id and f.activity_id = d.activity_id returning 1
     )
     select count(*) as trimmed from gone`,
    [cap, cap],
  );
  return Number(row?.trimmed ?? 0);
}
