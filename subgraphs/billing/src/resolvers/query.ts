import { requireRole, requireViewer } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { billingStatistics } from '../service/statistics';
import { visibleTo } from './guard';

export const billingQueries: QueryResolvers = {
  plans: (_parent, _args, { runtime }) => runtime.plans.list(),
  billingProvider: (_parent, _args, { runtime }) => ({
    simulated: runtime.stripe.simulated,
    name: runtime.stripe.simulated ? 'stripe-simulator' : 'stripe',
  }),
  payment: async (_parent, { id }, { viewer, loaders }) => {
    requireViewer(viewer);
    return visibleTo(viewer, await loaders.paymentById.load(id));
  },
  billingStatistics: (_parent, range, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return billingStatistics(em, range);
  },
};
