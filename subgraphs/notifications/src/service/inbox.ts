import { type EntityManager, type FilterQuery, raw } from '@mikro-orm/postgresql';
import { notFound } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { Notification } from '../entities';
import type { InboxFeed } from '../live/inbox-feed';
import { isUuid } from './ids';
import { PushQueue } from '@lattice/subgraph-kit';

/** New entries a live subscriber may fall behind by before the oldest are dropped. */
const LIVE_CAPACITY = 100;

export interface InboxArgs extends PageArgs {
  unreadOnly?: boolean | null;
}

/** A user's inbox, newest first, archived entries left out; keyset-paginated on (createdAt, id). */
export function listInbox(
  em: EntityManager,
  userId: string,
  args: InboxArgs,
): Promise<Connection<Notification>> {
  const where: FilterQuery<Notification> = {
    userId,
    archivedAt: null,
    ...(args.unreadOnly ? { readAt: null } : {}),
  };
  return paginate(em, Notification, where, args, { orderBy: ['createdAt', 'id'], direction: 'desc' });
}

/** Unread, unarchived entries per user, for any number of users in one statement (0 for none). */
export async function unreadCounts(
  em: EntityManager,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  const ids = [...new Set(userIds.filter(isUuid))];
  if (!ids.length) return new Map();
  const rows = await em
    .createQueryBuilder(Notification)
    .select(['userId', raw('count(*)::int as unread')])
    .where({ userId: { $in: ids }, readAt: null, archivedAt: null })
    .groupBy('userId')
    .execute<Array<{ userId: string; unread: number }>>('all');
  return new Map(rows.map((row) => [row.userId, Number(row.unread)]));
}

/**
 * Marks one entry of `userId` read (the first reading time stays). Another user's entry, or
 * none, is NOT_FOUND alike: the owner is in the update's condition, so nothing tells them apart.
 */
export function markRead(em: EntityManager, userId: string, id: string): Promise<Notification> {
  return updateOwn(em, userId, id, 'read_at');
}

/** Archives one entry of `userId` (it leaves the inbox; archiving twice keeps the first time). */
export function archive(em: EntityManager, userId: string, id: string): Promise<Notification> {
  return updateOwn(em, userId, id, 'archived_at');
}

/** Marks every unread entry of the inbox read, in one statement; answers how many were. */
export async function markAllRead(em: EntityManager, userId: string): Promise<number> {
  return em.nativeUpdate(Notification, { userId, readAt: null, archivedAt: null }, { readAt: new Date() });
}

async function updateOwn(
  em: EntityManager,
  userId: string,
  id: string,
  column: 'read_at' | 'archived_at',
): Promise<Notification> {
  if (!isUuid(id) || !isUuid(userId)) throw absent();
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `update notifications.notification set ${column} = coalesce(${column}, ?)
      where id = ? and user_id = ? returning *`,
    [new Date(), id, userId],
  );
  if (!rows[0]) throw absent();
  return em.map(Notification, rows[0]);
}

const absent = () => notFound('No such notification in your inbox');

/**
 * The new entries of `userId`'s inbox, live, as an async iterator that stops listening when it
 * is returned (the client went away) or closed.
 */
export function watchInbox(
  feed: Pick<InboxFeed, 'listen'>,
  userId: string,
): AsyncIterableIterator<Notification> {
  // The queue closes only once it is returned or closed, after `stop` is set.
  const queue = new PushQueue<Notification>(LIVE_CAPACITY, () => stop());
  const stop = feed.listen(userId, (entry) => {
    if (entry.userId === userId) queue.push(entry);
  });
  return queue;
}
