import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys } from '@lattice/subgraph-kit';
import { UserAccount } from './entities';

/** Per-request loaders: every `User` lookup of a request becomes one SQL statement. */
export function createLoaders(em: EntityManager) {
  return {
    userById: new DataLoader<string, UserAccount | null>(async (ids) => {
      const users = await em.find(UserAccount, { id: { $in: [...ids] } });
      return alignToKeys(ids, users, (user) => user.id);
    }),
  };
}

export type IdentityLoaders = ReturnType<typeof createLoaders>;
