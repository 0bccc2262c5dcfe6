import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createEvent, recordEvent } from '@lattice/events';
import { ErrorCode, UserError } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Media, Upload } from '../entities';
import type { MediaRuntime } from '../runtime';
import {
  type DetectedType,
  detectType,
  ImageRejectedError,
  type ProcessedImage,
  processImage,
  sanitizeFilename,
  SNIFF_BYTES,
} from './files';
import { assertStorageFits, lockStorage } from './quota';
import { discardUploads } from './uploads';

/** Why an upload was refused once its bytes were in: a stable code, an HTTP status, a message. */
export class UploadRejected extends Error {
  constructor(
    readonly code: 'UNSUPPORTED_MEDIA_TYPE' | 'IMAGE_UNREADABLE' | 'QUOTA_EXCEEDED' | 'INCOMPLETE',
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

class AlreadyIngested extends Error {}

/**
 * Turns a complete upload into a Media: the type judged from the bytes, the checksum of the
 * bytes as uploaded, images optimised (with a thumbnail and a blurhash), the objects stored,
 * then the row and `media.uploaded` in one transaction, and the staged bytes dropped. A
 * refusal removes everything (staged bytes, stored objects, the upload) and throws
 * UploadRejected. Idempotent: an upload already stored answers its media.
 */
export async function ingestUpload(runtime: MediaRuntime, uploadId: string): Promise<Media> {
  const em = runtime.orm.em.fork();
  const upload = await em.findOne(Upload, { id: uploadId });
  if (!upload) throw new UploadRejected('UNSUPPORTED_MEDIA_TYPE', 404, 'No such upload');
  if (upload.mediaId) return em.findOneOrFail(Media, { id: upload.mediaId });
  const started = Date.now();
  const { settings, storage } = runtime;
  const staged = await storage.staging.getUpload(uploadId).catch(() => undefined);
  if (staged?.offset !== upload.size)
    throw new UploadRejected('INCOMPLETE', 409, 'The upload is not complete; send the rest of its bytes');

  const detected = await detectType(await readHead(runtime, uploadId), settings.MEDIA_ALLOWED_TYPES);
  if (!detected) {
    await reject(em, runtime, upload, 'TYPE_NOT_ALLOWED');
    throw new UploadRejected(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      `The file's bytes are not of an accepted type (${settings.MEDIA_ALLOWED_TYPES.join(', ')}); nothing was stored`,
      { allowed: settings.MEDIA_ALLOWED_TYPES },
    );
  }

  // Not persisted here: only the transaction below stores it (a refusal must leave no row, and
  // reject()'s own transaction would otherwise flush it).
  const media = em.create(
    Media,
    {
      ownerId: upload.ownerId,
      filename: sanitizeFilename(upload.filename, detected),
      type: detected.type,
      contentType: detected.mime,
      size: upload.size,
      checksum: '',
      storageKey: '',
      storedBytes: 0,
      createdAt: runtime.now(),
    },
    { persist: false },
  );
  const prefix = `media/${upload.ownerId}/${media.id}`;
  const written: string[] = [];
  try {
    if (detected.type === 'IMAGE') {
      await storeImage(runtime, upload, media, detected, prefix, written);
    } else {
      media.storageKey = `${prefix}/file.${detected.extension}`;
      media.checksum = await copyHashing(runtime, uploadId, media.storageKey, detected.mime);
      written.push(media.storageKey);
    }
    media.storedBytes = media.size + (media.thumbnailSize ?? 0) + (media.originalSize ?? 0);

    await em.transactional(async (tx) => {
      await lockStorage(tx, upload.ownerId);
      await assertStorageFits(tx, runtime.meter, upload.ownerId, media.storedBytes, runtime.now(), upload.id);
      // The claim: of two ingests of one upload (two replicas), one stores, the other answers its media.
      const claimed = await tx.nativeUpdate(Upload, { id: upload.id, mediaId: null }, { mediaId: media.id });
      if (claimed !== 1) throw new AlreadyIngested();
      tx.persist(media);
      recordEvent(
        tx,
        createEvent('media.uploaded', {
          actor: upload.ownerId,
          subject: upload.ownerId,
          data: {
            mediaId: media.id,
            userId: upload.ownerId,
            type: media.type,
            contentType: media.contentType,
            bytes: media.storedBytes,
            uploadedBytes: upload.size,
            processingMs: Date.now() - started,
          },
        }),
      );
    });
  } catch (error) {
    await Promise.all(written.map((key) => storage.remove(key)));
    if (error instanceof AlreadyIngested) {
      const winner = await em.fork().findOneOrFail(Upload, { id: uploadId });
      return em.fork().findOneOrFail(Media, { id: winner.mediaId! });
    }
    if (error instanceof ImageRejectedError) {
      await reject(em, runtime, upload, 'IMAGE_UNREADABLE');
      throw new UploadRejected('IMAGE_UNREADABLE', 422, `The image cannot be used: ${error.message}`);
    }
    if (error instanceof UserError && error.extensions.code === ErrorCode.QuotaExceeded) {
      await reject(em, runtime, upload, 'QUOTA_EXCEEDED');
      throw new UploadRejected('QUOTA_EXCEEDED', 413, error.message, { ...error.extensions });
    }
    throw error;
  }
  await storage.removeStaged(uploadId);
  return media;
}

async function storeImage(
  runtime: MediaRuntime,
  upload: Upload,
  media: Media,
  detected: DetectedType,
  prefix: string,
  written: string[],
): Promise<void> {
  const { settings, storage } = runtime;
  if (settings.MEDIA_KEEP_ORIGINALS) {
    media.originalKey = `${prefix}/original.${detected.extension}`;
    media.checksum = await copyHashing(runtime, upload.id, media.originalKey, detected.mime);
    written.push(media.originalKey);
    media.originalContentType = detected.mime;
    media.originalSize = upload.size;
  } else {
    media.checksum = await hashStaged(runtime, upload.id);
  }
  const image: ProcessedImage = await processImage(await storage.readStaged(upload.id), {
    maxDimension: settings.MEDIA_IMAGE_MAX_DIMENSION,
    format: settings.MEDIA_IMAGE_FORMAT,
    thumbnailSize: settings.MEDIA_THUMBNAIL_SIZE,
    stripMetadata: settings.MEDIA_STRIP_METADATA,
    maxInputPixels: settings.MEDIA_IMAGE_MAX_PIXELS,
  });
  const extension = image.main.contentType === 'image/webp' ? 'webp' : 'jpg';
  media.storageKey = `${prefix}/file.${extension}`;
  media.thumbnailKey = `${prefix}/thumbnail.${extension}`;
  await storage.write(media.storageKey, Readable.from([image.main.data]), image.main.contentType);
  written.push(media.storageKey);
  await storage.write(media.thumbnailKey, Readable.from([image.thumbnail.data]), image.thumbnail.contentType);
  written.push(media.thumbnailKey);
  media.contentType = image.main.contentType;
  media.size = image.main.size;
  media.width = image.main.width;
  media.height = image.main.height;
  media.thumbnailSize = image.thumbnail.size;
  media.blurhash = image.blurhash;
  media.filename = media.filename.replace(/\.[^.]*$/, '') + `.${extension}`;
}

/** The first bytes of a staged upload (fewer when the file is shorter). */
async function readHead(runtime: MediaRuntime, uploadId: string): Promise<Uint8Array> {
  const stream = await runtime.storage.readStaged(uploadId);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length >= SNIFF_BYTES) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
}

/** Streams the staged bytes into `key`, hashing them on the way: `sha256:<hex>`. */
async function copyHashing(
  runtime: MediaRuntime,
  uploadId: string,
  key: string,
  contentType: string,
): Promise<string> {
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const staged = await runtime.storage.readStaged(uploadId);
  await Promise.all([runtime.storage.write(key, hashing, contentType), pipeline(staged, hashing)]);
  return `sha256:${hash.digest('hex')}`;
}

async function hashStaged(runtime: MediaRuntime, uploadId: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(await runtime.storage.readStaged(uploadId), hash);
  return `sha256:${hash.digest('hex')}`;
}

async function reject(em: EntityManager, runtime: MediaRuntime, upload: Upload, reason: string) {
  await discardUploads(em, runtime, [upload]);
  await em.transactional(async (tx) => {
    recordEvent(
      tx,
      createEvent('media.upload_rejected', {
        actor: upload.ownerId,
        subject: upload.ownerId,
        data: {
          uploadId: upload.id,
          userId: upload.ownerId,
          reason,
          declaredContentType: upload.declaredContentType,
          size: upload.size,
        },
      }),
    );
  });
}
