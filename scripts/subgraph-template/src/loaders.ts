import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys } from '@lattice/subgraph-kit';
import { __Name__Item } from './entities';

/** Per-request loaders: any number of items cost one SQL statement. */
export function createLoaders(em: EntityManager) {
  return {
    itemById: new DataLoader<string, __Name__Item | null>(async (ids) => {
      const items = await em.find(__Name__Item, { id: { $in: [...ids] } });
      return alignToKeys(ids, items, (item) => item.id);
    }),
  };
}

export type __Name__Loaders = ReturnType<typeof createLoaders>;
