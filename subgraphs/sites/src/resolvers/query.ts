import { requireViewer } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { ownSite } from '../service/sites';

export const Query: QueryResolvers<Context> = {
  site: (_parent, { id }, { viewer, em }) => ownSite(em, requireViewer(viewer).id, id),
};
