import { requireRole } from '@lattice/subgraph-kit';
import type { MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types';
import { createPromoCode, listPromoCodes } from '../service/promo-codes';

export const promoMutations: Pick<MutationResolvers, 'createPromoCode'> = {
  createPromoCode: (_parent, { input }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return createPromoCode(em, input);
  },
};

export const promoQueries: Pick<QueryResolvers, 'promoCodes'> = {
  promoCodes: (_parent, args, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return listPromoCodes(em, args);
  },
};
