import { requireViewer } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { listItems } from '../service/items';

export const Query: QueryResolvers = {
  __name__Items: (_parent, args, { viewer, em }) => listItems(em, requireViewer(viewer).id, args),
};
