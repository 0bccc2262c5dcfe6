import { requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { createItem } from '../service/items';

// Every mutation acts for the caller: none takes a user id.
export const Mutation: MutationResolvers = {
  create__Name__Item: async (_parent, args, { viewer, em, loaders }) => {
    const item = await createItem(em, requireViewer(viewer).id, args);
    loaders.itemById.prime(item.id, item);
    return item;
  },
};
