import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys } from '@lattice/subgraph-kit';
import { Media, ShareLink } from './entities';
import { isUuid } from './service/uploads';

/** Per-request loaders: any number of media or links cost one SQL statement. */
export function createLoaders(em: EntityManager) {
  return {
    mediaById: new DataLoader<string, Media | null>(async (ids) => {
      const media = await em.find(Media, { id: { $in: ids.filter(isUuid) } });
      return alignToKeys(ids, media, (item) => item.id);
    }),
    shareLinkById: new DataLoader<string, ShareLink | null>(async (ids) => {
      const links = await em.find(ShareLink, { id: { $in: ids.filter(isUuid) } });
      return alignToKeys(ids, links, (link) => link.id);
    }),
  };
}

export type MediaLoaders = ReturnType<typeof createLoaders>;
