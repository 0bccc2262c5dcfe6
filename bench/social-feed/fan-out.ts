/**
 * One PUBLIC post by the star (followed by every user) through the subgraph's own `publish`,
 * in its transaction as `post` runs it: pushed (SOCIAL_PUSH_MAX_FOLLOWERS at the star's
 * follower count: one feed item per follower, written by the INSERT … SELECT of pushToFeeds
 * before the commit) or pulled (the threshold below it: the activity, the star's own and
 * friends' feed items; followers find it when they read). Then checked: the feed items
 * written, and that sampled followers' first page starts with it; then removed again.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Activity } from '../../subgraphs/social/src/entities';
import type { SocialRuntime } from '../../subgraphs/social/src/runtime';
import { publish } from '../../subgraphs/social/src/service/activities';
import { homeFeed } from '../../subgraphs/social/src/service/feeds';
import { FIRST, USERS } from './options';
import { personId } from './seed';

export interface Post {
  how: 'push' | 'pull';
  /** From the transaction's start to its commit. */
  ms: number;
  /** Feed items written for it. */
  feedItems: number;
  /** Sampled followers' first-page reads right after, each with the post first. */
  readMs: number[];
  seenBy: number;
}

export async function postAsStar(
  runtime: SocialRuntime,
  em: () => EntityManager,
  how: Post['how'],
  followers: string[],
): Promise<Post> {
  const threshold = how === 'push' ? USERS : USERS - 1;
  const settings = { ...runtime.settings, SOCIAL_PUSH_MAX_FOLLOWERS: threshold };
  const started = performance.now();
  const activity = await em().transactional((tx) =>
    publish(
      tx,
      { ...runtime, settings },
      tx.create(Activity, {
        actorId: personId(0),
        kind: 'POST',
        visibility: 'PUBLIC',
        text: `The star's ${how} post`,
        createdAt: runtime.now(),
      }),
    ),
  );
  const ms = performance.now() - started;
  const connection = em().getConnection();
  const [{ count }] = (await connection.execute(
    'select count(*)::int as count from social.feed_item where activity_id = ?',
    [activity.id],
  )) as [{ count: number }];
  const readMs: number[] = [];
  let seenBy = 0;
  for (const follower of followers) {
    const t = performance.now();
    const page = await homeFeed(em(), runtime.settings, follower, { first: FIRST });
    readMs.push(performance.now() - t);
    if (page.edges[0]?.node.id === activity.id) seenBy += 1;
  }
  await connection.execute('delete from social.feed_item where activity_id = ?', [activity.id]);
  await connection.execute('delete from social.activity where id = ?', [activity.id]);
  return { how, ms, feedItems: count, readMs, seenBy };
}
