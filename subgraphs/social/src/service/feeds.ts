import type { EntityManager } from '@mikro-orm/postgresql';
import { type PageArgs, pageSize } from '@lattice/subgraph-kit';
import { Activity } from '../entities';
import type { SocialSettings } from './settings';
import { afterCursor, type ActivityPage, pageOf } from './pages';
import { NOT_MUTED, VISIBLE_TO_VIEWER, visibleParams } from './visibility';

/**
 * The home feed, latest first: the items pushed into the reader's feed at write time, merged
 * with the public activities of the very followed accounts they follow (not pushed: pulled
 * here, each from its own index range). Visibility, blocks and mutes are checked as of now,
 * so a friendship ended or a block applies to what was pushed before it.
 */
export async function homeFeed(
  em: EntityManager,
  settings: SocialSettings,
  viewerId: string,
  page: PageArgs,
): Promise<ActivityPage> {
  const first = pageSize(page);
  const pushed = afterCursor(page, 'a');
  const pulled = afterCursor(page, 'a');
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `(select a.* from social.feed_item fi
      join social.activity a on a.id = fi.activity_id
      where fi.owner_id = ? and ${VISIBLE_TO_VIEWER} and ${NOT_MUTED} ${pushed.sql.replace(/a\./g, 'fi.').replace('fi.id', 'fi.activity_id')}
      order by fi.created_at desc, fi.activity_id desc limit ?)
     union
     (select a.* from social.follow f
      join social.person p on p.user_id = f.followee_id and p.follower_count > ?
      cross join lateral (
        select a.* from social.activity a
        where a.actor_id = f.followee_id and a.visibility = 'PUBLIC' and ${VISIBLE_TO_VIEWER} and ${NOT_MUTED} ${pulled.sql}
        order by a.created_at desc, a.id desc limit ?
      ) a
      where f.follower_id = ?)
     order by created_at desc, id desc limit ?`,
    [
      viewerId,
      ...visibleParams(viewerId),
      viewerId,
      ...pushed.params,
      first + 1,
      settings.SOCIAL_PUSH_MAX_FOLLOWERS,
      ...visibleParams(viewerId),
      viewerId,
      ...pulled.params,
      first + 1,
      viewerId,
      first + 1,
    ],
  );
  return pageOf(em, rows, first);
}

/** Public activities of people the viewer neither is nor follows, latest first. */
export async function discoverFeed(
  em: EntityManager,
  viewerId: string,
  page: PageArgs,
): Promise<ActivityPage> {
  const first = pageSize(page);
  const after = afterCursor(page, 'a');
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `select a.* from social.activity a
     where a.visibility = 'PUBLIC' and a.actor_id <> ?
       and not exists (select 1 from social.follow f where f.follower_id = ? and f.followee_id = a.actor_id)
       and ${VISIBLE_TO_VIEWER} and ${NOT_MUTED} ${after.sql}
     order by a.created_at desc, a.id desc limit ?`,
    [viewerId, viewerId, ...visibleParams(viewerId), viewerId, ...after.params, first + 1],
  );
  return pageOf(em, rows, first);
}

/**
 * Public activities by interactions of the last 24 hours (a like 1, a comment 2, a share 3),
 * ties to the newest.
 */
export async function trending(
  em: EntityManager,
  viewerId: string,
  first: number,
  now: Date,
): Promise<Activity[]> {
  const size = pageSize({ first }, { maxFirst: 50 });
  const since = new Date(now.getTime() - 86_400_000);
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `with recent as (
       select activity_id, 1 as weight from social.activity_like where created_at >= ?
       union all select activity_id, 2 from social.comment where created_at >= ?
       union all select shared_activity_id, 3 from social.activity where kind = 'SHARE' and created_at >= ?
     ), scores as (select activity_id, sum(weight) as score from recent group by activity_id)
     select a.* from scores s join social.activity a on a.id = s.activity_id
     where a.visibility = 'PUBLIC' and ${VISIBLE_TO_VIEWER} and ${NOT_MUTED}
     order by s.score desc, a.created_at desc, a.id desc limit ?`,
    [since, since, since, ...visibleParams(viewerId), viewerId, size],
  );
  return rows.map((row) => em.map(Activity, row));
}
