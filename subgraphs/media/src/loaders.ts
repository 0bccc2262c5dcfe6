import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys } from '@lattice/subgraph-kit';
import { Media, ShareLink } from './entities';
import { sharedWithViewer } from './service/audiences';
import { isUuid } from './service/uploads';

/** Per-request loaders: any number of media or links cost one SQL statement. */
export function createLoaders(em: EntityManager) {
  const sharedWith = new Map<string, DataLoader<string, boolean>>();
  return {
    mediaById: new DataLoader<string, Media | null>(async (ids) => {
      const media = await em.find(Media, { id: { $in: ids.filter(isUuid) } });
      return alignToKeys(ids, media, (item) => item.id);
    }),
    shareLinkById: new DataLoader<string, ShareLink | null>(async (ids) => {
      const links = await em.find(ShareLink, { id: { $in: ids.filter(isUuid) } });
      return alignToKeys(ids, links, (link) => link.id);
    }),
    /** Whether a media (by id) is shared with an audience `viewerId` is in; one statement per batch. */
    sharedWith(viewerId: string): DataLoader<string, boolean> {
      let loader = sharedWith.get(viewerId);
      if (!loader) {
        loader = new DataLoader<string, boolean>(async (ids) => {
          const shared = await sharedWithViewer(em, viewerId, ids);
          return ids.map((id) => shared.has(id));
        });
        sharedWith.set(viewerId, loader);
      }
      return loader;
    },
  };
}

export type MediaLoaders = ReturnType<typeof createLoaders>;
