import type { EventApplier } from '@lattice/subgraph-kit';
import { Invoice, InvoiceSettings } from '../entities';

/** identity erased a user: their invoices and settings go (media erases the PDFs it keeps). */
export const eraseUserInvoices: EventApplier<unknown, 'identity.user_deleted'> = async (em, event) => {
  const { userId } = event.data;
  await em.nativeDelete(Invoice, { ownerId: userId });
  await em.nativeDelete(InvoiceSettings, { userId });
};
