import { Media, Upload } from '../entities';
import type { MediaRuntime } from '../runtime';
import { IMPORTS_PREFIX } from './imports';
import { purgeMedia } from './library';
import { discardUploads } from './uploads';

const BATCH = 100;

export interface SweepResult {
  purged: number;
  expiredUploads: number;
  /** Import objects (see imports.ts) left behind: never adopted, or not removed once adopted. */
  staleImports: number;
}

/**
 * One pass of cleaning: deleted media past retention are purged, uploads that expired
 * unfinished are dropped with their staged bytes, finished uploads' rows are forgotten once
 * expired, and import objects left behind are removed. Safe on several replicas at once (each
 * purge and discard is claimed by its delete), and repeated until a pass finds less than a batch.
 */
export async function sweep(runtime: MediaRuntime): Promise<SweepResult> {
  const result: SweepResult = {
    purged: 0,
    expiredUploads: 0,
    staleImports: await removeStaleImports(runtime),
  };
  const em = runtime.orm.em.fork();
  for (;;) {
    const now = runtime.now();
    const due = await em.find(
      Media,
      { purgeAt: { $lte: now } },
      { limit: BATCH, orderBy: { purgeAt: 'asc' } },
    );
    for (const media of due) if (await purgeMedia(em.fork(), runtime, media)) result.purged += 1;
    const expired = await em.find(Upload, { mediaId: null, expiresAt: { $lte: now } }, { limit: BATCH });
    await discardUploads(em, runtime, expired);
    result.expiredUploads += expired.length;
    await em.nativeDelete(Upload, { mediaId: { $ne: null }, expiresAt: { $lte: now } });
    em.clear();
    if (due.length < BATCH && expired.length < BATCH) return result;
  }
}

/**
 * Removes import objects older than an upload may take (MEDIA_UPLOAD_TTL_SECONDS): their event
 * was applied long ago (the removal after the commit did not happen) or will never be.
 */
async function removeStaleImports(runtime: MediaRuntime): Promise<number> {
  const before = runtime.now().getTime() - runtime.settings.MEDIA_UPLOAD_TTL_SECONDS * 1000;
  let removed = 0;
  for await (const object of runtime.storage.list(IMPORTS_PREFIX)) {
    if (object.lastModified.getTime() > before) continue;
    await runtime.storage.remove(object.key);
    removed += 1;
  }
  return removed;
}

/** One sweep, logged when it removed anything. */
export async function sweepAndLog(runtime: MediaRuntime): Promise<void> {
  const result = await sweep(runtime);
  if (result.purged || result.expiredUploads || result.staleImports)
    runtime.log.info(result, 'media janitor swept');
}
