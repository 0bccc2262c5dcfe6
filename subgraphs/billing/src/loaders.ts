import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys } from '@lattice/subgraph-kit';
import { BillingCustomer, BillingInvoice, Payment, PlanSubscription, type Refund } from './entities';
import { creditLoaders } from './resolvers/credits';
import { membershipLoaders } from './resolvers/memberships';
import { isUuid } from './service/credits/validation';
import { refundsOf } from './service/refunds';

/**
 * Per-request loaders: any number of keys cost one SQL statement each. An entity id that is
 * not a UUID (anyone's to send) names nothing: it is left out of the statement.
 */
export function createLoaders(em: EntityManager) {
  return {
    ...creditLoaders(em),
    ...membershipLoaders(em),
    customerByUser: new DataLoader<string, BillingCustomer | null>(async (userIds) => {
      const rows = await em.find(BillingCustomer, { userId: { $in: [...userIds] } });
      return alignToKeys(userIds, rows, (row) => row.userId);
    }),
    /** The live subscription, else the latest ended one. */
    subscriptionByUser: new DataLoader<string, PlanSubscription | null>(async (userIds) => {
      const rows = await em.find(
        PlanSubscription,
        { userId: { $in: [...userIds] } },
        { orderBy: { live: 'asc', createdAt: 'asc' } },
      );
      // Later rows win: ended ones first, then by creation; the live one last.
      return alignToKeys(userIds, rows, (row) => row.userId);
    }),
    subscriptionById: new DataLoader<string, PlanSubscription | null>(async (ids) => {
      const rows = await em.find(PlanSubscription, { id: { $in: ids.filter(isUuid) } });
      return alignToKeys(ids, rows, (row) => row.id);
    }),
    paymentById: new DataLoader<string, Payment | null>(async (ids) => {
      const rows = await em.find(Payment, { id: { $in: ids.filter(isUuid) } });
      return alignToKeys(ids, rows, (row) => row.id);
    }),
    refundsByPayment: new DataLoader<string, Refund[]>(async (paymentIds) => {
      const rows = await refundsOf(em, paymentIds);
      return paymentIds.map((id) => rows.filter((row) => row.paymentId === id));
    }),
    invoiceById: new DataLoader<string, BillingInvoice | null>(async (ids) => {
      const rows = await em.find(BillingInvoice, { id: { $in: ids.filter(isUuid) } });
      return alignToKeys(ids, rows, (row) => row.id);
    }),
  };
}

export type BillingLoaders = ReturnType<typeof createLoaders>;
