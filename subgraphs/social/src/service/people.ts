import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventApplier } from '@lattice/subgraph-kit';
import type { SocialRuntime } from '../runtime';

type Counter = 'friend_count' | 'follower_count' | 'following_count';

/** Makes sure each user has a person row (users appear here with their first relation). */
export async function ensurePeople(em: EntityManager, userIds: string[]): Promise<void> {
  await em.execute(
    `insert into social.person (user_id, friend_count, follower_count, following_count, updated_at)
     select unnest(array[?]::uuid[]), 0, 0, 0, now() on conflict do nothing`,
    [userIds],
  );
}

/** Adds `delta` to a user's counter, in the transaction of the change it counts (exact under concurrency). */
export async function count(
  em: EntityManager,
  userId: string,
  counter: Counter,
  delta: number,
): Promise<void> {
  await ensurePeople(em, [userId]);
  await em.execute(`update social.person set ${counter} = ${counter} + ? where user_id = ?`, [delta, userId]);
}

/** accounts' profile names people: search finds them by it. */
export const rememberName: EventApplier<SocialRuntime, 'accounts.profile_updated'> = async (em, event) => {
  const { userId, profile } = event.data;
  await em.execute(
    `insert into social.person (user_id, display_name, friend_count, follower_count, following_count, updated_at)
     values (?, ?, 0, 0, 0, now())
     on conflict (user_id) do update set display_name = excluded.display_name, updated_at = now()`,
    [userId, profile.displayName || null],
  );
};
