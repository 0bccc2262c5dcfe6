import type { BusinessContextResolvers, CommonServiceResolvers } from '../__generated__/resolvers-types';
import { commonServicesOf, frequentClientsOf } from '../service/business';

// Reached only through User.businessContext, which has checked who may read it.
export const BusinessContext: BusinessContextResolvers = {
  frequentClients: (context, args, { em }) => frequentClientsOf(em, context.userId, args),
  commonServices: (context, args, { em }) => commonServicesOf(em, context.userId, args),
  logo: (context) => (context.logoMediaId ? { id: context.logoMediaId } : null),
};

export const CommonService: CommonServiceResolvers = {
  currency: async (service, _args, { loaders }) =>
    service.currency ?? (await loaders.businessContextByUserId.load(service.userId))?.defaultCurrency ?? null,
};
