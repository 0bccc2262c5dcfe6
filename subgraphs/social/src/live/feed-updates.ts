import { PushQueue } from '@lattice/subgraph-kit';
import type { SocialRuntime } from '../runtime';
import { visibleActivity } from '../service/activities';

/** The bus channel new activities are announced on, to every replica. */
export const FEED_CHANNEL = 'social.feed';

/** A new activity (its id and actor: subscribers read it with their own rights). */
export interface FeedUpdate {
  activityId: string;
  actorId: string;
}

/** Every update goes to every subscriber of a replica, who keeps those of the people they read. */
export const ALL = 'all';
export const feedUpdateKey = (message: unknown): string | null => {
  const update = message as Partial<FeedUpdate> | null;
  return typeof update?.activityId === 'string' && typeof update.actorId === 'string' ? ALL : null;
};

const LIVE_CAPACITY = 100;
const SOURCES_TTL_MS = 30_000;

/**
 * The viewer's new home-feed activities, live: an update passes when its actor is someone
 * whose activities reach the viewer's feed (themself, a friend, someone followed: known in
 * memory, refreshed every 30 s) and the viewer may see the activity as of now (read from the
 * database, so visibility, blocks and mutes hold).
 */
export function watchFeed(runtime: SocialRuntime, viewerId: string) {
  const queue = new PushQueue<FeedUpdate>(LIVE_CAPACITY, () => stop());
  const stop = runtime.live.listen(ALL, (update) => queue.push(update));
  let sources: { ids: Set<string>; at: number } | undefined;
  const readsFrom = async (actorId: string) => {
    if (!sources || Date.now() - sources.at > SOURCES_TTL_MS) {
      const rows = await runtime.orm.em.fork().execute<Array<{ id: string }>>(
        `select followee_id as id from social.follow where follower_id = ?
           union select friend_id from social.friend where user_id = ?`,
        [viewerId, viewerId],
      );
      sources = { ids: new Set([viewerId, ...rows.map((row) => row.id)]), at: Date.now() };
    }
    return sources.ids.has(actorId);
  };
  return (async function* updates() {
    try {
      for await (const update of queue) {
        if (!(await readsFrom(update.actorId))) continue;
        const activity = await visibleActivity(runtime.orm.em.fork(), viewerId, update.activityId);
        const muted = activity
          ? await runtime.orm.em
              .fork()
              .execute('select 1 from social.mute where muter_id = ? and muted_id = ?', [
                viewerId,
                activity.actorId,
              ])
          : [];
        if (activity && !muted.length) yield { feedUpdated: activity };
      }
    } finally {
      queue.close();
    }
  })();
}
