import type { EntityManager } from '@mikro-orm/postgresql';
import type { MediaRuntime } from '../runtime';
import { storageStanding } from './quota';
import { readableSize } from './readable-size';

export interface StorageStatistics {
  files: number;
  activeFiles: number;
  deletedFiles: number;
  bytes: number;
  activeBytes: number;
  deletedBytes: number;
  readableSize: string;
  limit: number | null;
  remaining: number | null;
}

/** Files and bytes of one owner (with the plan's limit), or of everyone (`ownerId` null). One statement each. */
export async function storageStatistics(
  em: EntityManager,
  runtime: MediaRuntime,
  ownerId: string | null,
): Promise<StorageStatistics> {
  const [row] = await em.execute<Record<string, string>[]>(
    `select count(*) as files,
            count(*) filter (where deleted_at is null) as active_files,
            coalesce(sum(stored_bytes), 0) as bytes,
            coalesce(sum(stored_bytes) filter (where deleted_at is null), 0) as active_bytes
       from media.media ${ownerId ? 'where owner_id = ?' : ''}`,
    ownerId ? [ownerId] : [],
  );
  const files = Number(row!.files);
  const activeFiles = Number(row!.active_files);
  const bytes = Number(row!.bytes);
  const activeBytes = Number(row!.active_bytes);
  let limit: number | null = null;
  let remaining: number | null = null;
  if (ownerId) {
    const standing = await storageStanding(em, runtime.meter, ownerId, runtime.now());
    limit = standing.limit;
    remaining = limit === null ? null : Math.max(limit - standing.used, 0);
  }
  return {
    files,
    activeFiles,
    deletedFiles: files - activeFiles,
    bytes,
    activeBytes,
    deletedBytes: bytes - activeBytes,
    readableSize: readableSize(bytes),
    limit,
    remaining,
  };
}
