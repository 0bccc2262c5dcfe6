import type { InvoiceResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { formatMoney } from '../service/draft-content';

export const Invoice: InvoiceResolvers<Context> = {
  // Only the owner sees an invoice: anyone else's reference resolves to null, as if missing.
  __resolveReference: async ({ id }, { viewer, loaders }) => {
    const invoice = await loaders.invoiceById.load(id);
    return invoice && viewer?.id === invoice.ownerId ? invoice : null;
  },
  owner: (invoice) => ({ id: invoice.ownerId }),
  client: (invoice) => ({
    name: invoice.clientName,
    email: invoice.clientEmail,
    address: invoice.clientAddress,
    taxId: invoice.clientTaxId,
  }),
  subtotal: (invoice) => formatMoney(invoice.subtotalMinor, invoice.currency),
  tax: (invoice) => formatMoney(invoice.taxMinor, invoice.currency),
  total: (invoice) => formatMoney(invoice.totalMinor, invoice.currency),
  pdf: (invoice) => (invoice.pdfMediaId ? { id: invoice.pdfMediaId } : null),
  voiceNote: (invoice) => (invoice.voiceNoteMediaId ? { id: invoice.voiceNoteMediaId } : null),
};
