import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys, isUuid } from '@lattice/subgraph-kit';
import { Person } from './entities';
import { relationships, type Relationship } from './service/graph';

/**
 * Per-request loaders: any number of activities, people or relationships in one answer cost
 * one statement each. Those about the caller are made for one viewer.
 */
export function createLoaders(em: EntityManager) {
  const perViewer = new Map<string, ReturnType<typeof viewerLoaders>>();
  const viewerLoaders = (viewerId: string) => ({
    /** Which of the activities the viewer likes. */
    liked: new DataLoader<string, boolean>(async (activityIds) => {
      const rows = await em.execute<Array<{ activity_id: string }>>(
        'select activity_id from social.activity_like where user_id = ? and activity_id in (?)',
        [viewerId, [...activityIds]],
      );
      const liked = new Set(rows.map((row) => row.activity_id));
      return activityIds.map((id) => liked.has(id));
    }),
    relationship: new DataLoader<string, Relationship>(async (userIds) => {
      const found = await relationships(em, viewerId, userIds);
      return userIds.map((id) => found.get(id)!);
    }),
  });
  return {
    personById: new DataLoader<string, Person | null>(async (ids) =>
      alignToKeys(
        ids,
        await em.find(Person, { userId: { $in: ids.filter(isUuid) } }),
        (person) => person.userId,
      ),
    ),
    forViewer: (viewerId: string) => {
      let loaders = perViewer.get(viewerId);
      if (!loaders) perViewer.set(viewerId, (loaders = viewerLoaders(viewerId)));
      return loaders;
    },
  };
}

export type SocialLoaders = ReturnType<typeof createLoaders>;
