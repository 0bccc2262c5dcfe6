import { Upload as TusUpload } from '@tus/utils';
import { ErrorCode, notFound, UserError, validateInput } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Upload } from '../entities';
import type { MediaRuntime } from '../runtime';
import { declaredTypeAllowed, sanitizeFilename } from './files';
import { assertStorageFits, lockStorage } from './quota';
import { readableSize } from './readable-size';

/** How many files one `createUploads` may prepare. */
export const MAX_BATCH = 20;

const uploadInput = z.object({
  filename: z.string().max(1024),
  contentType: z.string().trim().toLowerCase().max(255),
  size: z.number().int().min(1, 'an empty file has nothing to store'),
});

/**
 * Prepares uploads for `ownerId`, all or none: each size within the limit and declared type
 * allowed, their total within the owner's storage (reserved until they complete or expire),
 * and each staged empty so its bytes can be sent at once or resumed (tus).
 */
export async function createUploads(
  em: EntityManager,
  runtime: MediaRuntime,
  ownerId: string,
  inputs: unknown[],
): Promise<Upload[]> {
  if (inputs.length === 0 || inputs.length > MAX_BATCH)
    throw new UserError(ErrorCode.BadUserInput, `Prepare 1 to ${MAX_BATCH} uploads at once`, {
      field: 'inputs',
    });
  const { settings } = runtime;
  const files = inputs.map((input, index) => {
    const path = inputs.length === 1 ? 'input' : `inputs.${index}`;
    const file = validateInput(uploadInput, input, path);
    if (file.size > settings.MEDIA_MAX_FILE_BYTES)
      throw new UserError(
        ErrorCode.PayloadTooLarge,
        `${path}.size: files may be at most ${readableSize(settings.MEDIA_MAX_FILE_BYTES)}; this one is ${readableSize(file.size)}`,
        { field: `${path}.size`, limit: settings.MEDIA_MAX_FILE_BYTES, size: file.size },
      );
    const declared = file.contentType.split(';')[0]!.trim();
    if (!declaredTypeAllowed(declared.toLowerCase(), settings.MEDIA_ALLOWED_TYPES))
      throw new UserError(
        ErrorCode.UnsupportedMediaType,
        `${path}.contentType: ${declared || 'an empty type'} is not accepted; allowed: ${settings.MEDIA_ALLOWED_TYPES.join(', ')}`,
        { field: `${path}.contentType`, allowed: settings.MEDIA_ALLOWED_TYPES },
      );
    return { ...file, contentType: declared, filename: sanitizeFilename(file.filename) };
  });

  const now = runtime.now();
  const expiresAt = new Date(now.getTime() + settings.MEDIA_UPLOAD_TTL_SECONDS * 1000);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const uploads = await em.transactional(async (tx) => {
    await lockStorage(tx, ownerId);
    await assertStorageFits(tx, runtime.meter, ownerId, total, now);
    return files.map((file) =>
      tx.create(Upload, {
        ownerId,
        filename: file.filename,
        declaredContentType: file.contentType,
        size: file.size,
        expiresAt,
      }),
    );
  });
  try {
    for (const upload of uploads)
      await runtime.storage.staging.create(new TusUpload({ id: upload.id, size: upload.size, offset: 0 }));
  } catch (error) {
    await discardUploads(em, runtime, uploads);
    throw error;
  }
  return uploads;
}

/** One of the owner's unfinished or recently finished uploads; NOT_FOUND otherwise. */
export async function findUpload(em: EntityManager, ownerId: string, id: string): Promise<Upload> {
  const upload = isUuid(id) ? await em.findOne(Upload, { id, ownerId }) : null;
  if (!upload) throw notFound('No such upload');
  return upload;
}

/** Bytes received so far, from the staging store (0 when nothing is staged). */
export async function receivedBytes(runtime: MediaRuntime, upload: Upload): Promise<number> {
  if (upload.mediaId) return upload.size;
  try {
    return (await runtime.storage.staging.getUpload(upload.id)).offset;
  } catch {
    return 0;
  }
}

/** Abandons an unfinished upload of the owner's: its row and what was staged go. */
export async function cancelUpload(
  em: EntityManager,
  runtime: MediaRuntime,
  ownerId: string,
  id: string,
): Promise<boolean> {
  const upload = isUuid(id) ? await em.findOne(Upload, { id, ownerId, mediaId: null }) : null;
  if (!upload) return false;
  await discardUploads(em, runtime, [upload]);
  return true;
}

/** Removes uploads and their staged bytes (staged first: a row never outlives less than its bytes). */
export async function discardUploads(em: EntityManager, runtime: MediaRuntime, uploads: Upload[]) {
  for (const upload of uploads) await runtime.storage.removeStaged(upload.id);
  if (uploads.length)
    await em.nativeDelete(Upload, { id: { $in: uploads.map((upload) => upload.id) }, mediaId: null });
}

export { isUuid };
