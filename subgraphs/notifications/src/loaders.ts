import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys } from '@lattice/subgraph-kit';
import { Notification, Preference } from './entities';
import { isUuid } from './service/ids';
import { unreadCounts } from './service/inbox';

/**
 * Per-request loaders: any number of keys cost one SQL statement each. An id that is not a
 * UUID (anyone's to send in a representation) names nothing: it is left out of the statement.
 */
export function createLoaders(em: EntityManager) {
  return {
    notificationById: new DataLoader<string, Notification | null>(async (ids) => {
      const wanted = ids.filter(isUuid);
      const rows = wanted.length ? await em.find(Notification, { id: { $in: wanted } }) : [];
      return alignToKeys(ids, rows, (row) => row.id);
    }),
    /** Unread, unarchived inbox entries per user. */
    unreadCountByUser: new DataLoader<string, number>(async (userIds) => {
      const counts = await unreadCounts(em, userIds);
      return userIds.map((id) => counts.get(id) ?? 0);
    }),
    /** The stored choices of each user (absent ones take the defaults). */
    preferencesByUser: new DataLoader<string, Preference[]>(async (userIds) => {
      const wanted = userIds.filter(isUuid);
      const rows = wanted.length ? await em.find(Preference, { userId: { $in: wanted } }) : [];
      const byUser = new Map<string, Preference[]>();
      for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
      return userIds.map((id) => byUser.get(id) ?? []);
    }),
  };
}

export type NotificationsLoaders = ReturnType<typeof createLoaders>;
