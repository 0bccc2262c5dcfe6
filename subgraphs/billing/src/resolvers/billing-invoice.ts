import type { BillingInvoiceResolvers } from '../__generated__/resolvers-types';
import { visibleTo } from './guard';

export const BillingInvoice: BillingInvoiceResolvers = {
  __resolveReference: async ({ id }, { viewer, loaders }) =>
    visibleTo(viewer, await loaders.invoiceById.load(id)),
  user: (invoice) => ({ id: invoice.userId }),
};
