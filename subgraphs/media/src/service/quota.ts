import type { UsageMeter } from '@lattice/entitlements';
import { ErrorCode, UserError } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readableSize } from './readable-size';

export interface StorageStanding {
  /** Stored bytes plus the bytes reserved by uploads in progress. */
  used: number;
  /** The plan's storage limit; null is unlimited. */
  limit: number | null;
}

/**
 * Takes the owner's storage lock for the rest of the transaction: reservations and stores of
 * one user are judged one at a time, so concurrent uploads cannot pass the limit together.
 */
export async function lockStorage(em: EntityManager, ownerId: string): Promise<void> {
  if (!em.isInTransaction()) throw new Error('lockStorage: call it inside a transaction');
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`media.storage:${ownerId}`]);
}

/**
 * The owner's storage against the plan: what is stored (deleted files too, until purged) and
 * reserved by unfinished uploads (`excludingUpload` left out: the one being stored now).
 */
export async function storageStanding(
  em: EntityManager,
  meter: UsageMeter,
  ownerId: string,
  now: Date,
  excludingUpload?: string,
): Promise<StorageStanding> {
  const [row] = await em.execute<{ used: string }[]>(
    `select
       coalesce((select sum(stored_bytes) from media.media where owner_id = ?), 0)
     + coalesce((select sum(size) from media.upload
                 where owner_id = ? and media_id is null and expires_at > ? and id <> ?), 0) as used`,
    [ownerId, ownerId, now, excludingUpload ?? '00000000-0000-0000-0000-000000000000'],
  );
  const usage = await meter.usage(em, ownerId);
  const limit = usage.find((status) => status.meter === 'storageBytes')?.limit ?? null;
  return { used: Number(row?.used ?? 0), limit };
}

/** QUOTA_EXCEEDED unless `bytes` more fit the owner's plan. Inside lockStorage's transaction. */
export async function assertStorageFits(
  em: EntityManager,
  meter: UsageMeter,
  ownerId: string,
  bytes: number,
  now: Date,
  excludingUpload?: string,
): Promise<void> {
  const { used, limit } = await storageStanding(em, meter, ownerId, now, excludingUpload);
  if (limit === null || used + bytes <= limit) return;
  throw new UserError(
    ErrorCode.QuotaExceeded,
    `Your plan allows ${readableSize(limit)} of storage: ${readableSize(used)} are used and this needs ` +
      `${readableSize(bytes)} more. Delete files for good (purgeMedia) or upgrade the plan.`,
    { meter: 'storageBytes', limit, used, requested: bytes },
  );
}
