/**
 * The baseline: a pull-only home feed, nothing written at post time. Each read takes, from
 * every account the reader follows, every friend and the reader themselves, the newest
 * `first + 1` activities they may see (each from its own range of the index on
 * (actor_id, created_at, id)), and keeps the newest `first + 1` of them. The same visibility,
 * block and mute conditions, cursor and page as the social subgraph's own (imported from it).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type PageArgs, pageSize } from '@lattice/subgraph-kit';
import { afterCursor, type ActivityPage, pageOf } from '../../subgraphs/social/src/service/pages';
import { NOT_MUTED, VISIBLE_TO_VIEWER, visibleParams } from '../../subgraphs/social/src/service/visibility';

export async function pullOnlyFeed(
  em: EntityManager,
  viewerId: string,
  page: PageArgs,
): Promise<ActivityPage> {
  const first = pageSize(page);
  const after = afterCursor(page, 'a');
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `select a.* from (
       select ?::uuid as source
       union select f.followee_id from social.follow f where f.follower_id = ?
       union select fr.friend_id from social.friend fr where fr.user_id = ?
     ) s
     cross join lateral (
       select a.* from social.activity a
       where a.actor_id = s.source and ${VISIBLE_TO_VIEWER} and ${NOT_MUTED} ${after.sql}
       order by a.created_at desc, a.id desc limit ?
     ) a
     order by a.created_at desc, a.id desc limit ?`,
    [
      viewerId,
      viewerId,
      viewerId,
      ...visibleParams(viewerId),
      viewerId,
      ...after.params,
      first + 1,
      first + 1,
    ],
  );
  return pageOf(em, rows, first);
}
