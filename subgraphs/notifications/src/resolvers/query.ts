import { requireRole } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { deliveryStats, listDeliveries } from '../service/deliveries';

export const Query: QueryResolvers = {
  deliveries: (_parent, { filter, first, after }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return listDeliveries(em, filter ?? {}, { first, after });
  },
  deliveryStats: (_parent, { from, to }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return deliveryStats(em, { from, to });
  },
};
