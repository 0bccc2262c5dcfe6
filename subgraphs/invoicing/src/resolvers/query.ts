import { requireViewer } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { isInvoiceId } from '../service/validation';

export const Query: QueryResolvers<Context> = {
  invoice: async (_parent, { id }, { viewer, loaders }) => {
    const ownerId = requireViewer(viewer).id;
    if (!isInvoiceId(id)) return null;
    const invoice = await loaders.invoiceById.load(id);
    return invoice?.ownerId === ownerId ? invoice : null;
  },
};
