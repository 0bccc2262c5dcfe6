import { forbidden } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { listInvoices, totalsOf } from '../service/invoices';
import { settingsOf } from '../service/numbering';

/** A user's invoices are theirs alone: not even staff read them. */
function assertSelf(context: Context, userId: string): void {
  if (context.viewer?.id !== userId) throw forbidden('Only the user sees their invoices');
}

export const User: UserResolvers<Context> = {
  // Identity's ids are UUIDs: anything else names no one (and never reaches a uuid column).
  __resolveReference: ({ id }) => (isUuid(id) ? { id } : null),
  invoices: (user, { status, client, ...page }, context) => {
    assertSelf(context, user.id);
    return listInvoices(context.em, user.id, status ?? null, client ?? null, page);
  },
  invoiceTotals: (user, _args, context) => {
    assertSelf(context, user.id);
    return totalsOf(context.em, user.id);
  },
  invoiceSettings: (user, _args, context) => {
    assertSelf(context, user.id);
    return settingsOf(context.em, user.id);
  },
};
