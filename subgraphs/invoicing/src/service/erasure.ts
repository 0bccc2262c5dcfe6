import { unauthenticated } from '@lattice/server-kit';
import type { EventApplier } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErasedUser, Invoice, InvoiceSettings } from '../entities';

const userLock = (userId: string) => `invoicing.user:${userId}`;

/**
 * In a transaction that stores something of `userId`: waits for an erasure of them under way,
 * then refuses (UNAUTHENTICATED) if they are erased. The lock is shared: writes of one user do
 * not wait for each other, only for their erasure, and their erasure waits for them.
 */
export async function assertNotErased(tx: EntityManager, userId: string): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock_shared(hashtextextended(?, 0))', [userLock(userId)]);
  if ((await tx.count(ErasedUser, { userId })) > 0) throw unauthenticated('This account no longer exists');
}

/**
 * identity erased a user: their invoices and settings go (media erases the PDFs it keeps), and
 * a tombstone refuses what requests still in flight would store for them.
 */
export const eraseUserInvoices: EventApplier<unknown, 'identity.user_deleted'> = async (em, event) => {
  const { userId } = event.data;
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [userLock(userId)]);
  await em.nativeDelete(Invoice, { ownerId: userId });
  await em.nativeDelete(InvoiceSettings, { userId });
  await em
    .createQueryBuilder(ErasedUser)
    .insert({ userId, erasedAt: new Date() })
    .onConflict('userId')
    .ignore()
    .execute('run');
};
