import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys } from '@lattice/subgraph-kit';
import { BusinessContext, Profile } from './entities';

/**
 * Per-request loaders: the profiles (or business contexts) of any number of users cost one
 * SQL statement.
 */
export function createLoaders(em: EntityManager) {
  return {
    profileByUserId: new DataLoader<string, Profile | null>(async (userIds) => {
      const profiles = await em.find(Profile, { userId: { $in: [...userIds] } });
      return alignToKeys(userIds, profiles, (profile) => profile.userId);
    }),
    businessContextByUserId: new DataLoader<string, BusinessContext | null>(async (userIds) => {
      const contexts = await em.find(BusinessContext, { userId: { $in: [...userIds] } });
      return alignToKeys(userIds, contexts, (context) => context.userId);
    }),
  };
}

export type AccountsLoaders = ReturnType<typeof createLoaders>;
