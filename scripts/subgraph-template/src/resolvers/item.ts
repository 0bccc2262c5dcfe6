import { canReadPrivate } from '@lattice/subgraph-kit';
import type { __Name__ItemResolvers } from '../__generated__/resolvers-types';

export const __Name__Item: __Name__ItemResolvers = {
  // Another user's item resolves to null, as if it did not exist.
  __resolveReference: async ({ id }, { viewer, loaders }) => {
    const item = await loaders.itemById.load(id);
    return item && canReadPrivate(viewer, item.ownerId) ? item : null;
  },
  owner: (item) => ({ id: item.ownerId }),
};
