import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys, isUuid } from '@lattice/subgraph-kit';
import { Invoice } from './entities';

/** Per-request loaders: any number of invoices in one answer (`_entities`) cost one statement. */
export function createLoaders(em: EntityManager) {
  return {
    invoiceById: new DataLoader<string, Invoice | null>(async (ids) =>
      alignToKeys(ids, await em.find(Invoice, { id: { $in: ids.filter(isUuid) } }), (invoice) => invoice.id),
    ),
  };
}

export type InvoicingLoaders = ReturnType<typeof createLoaders>;
