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
import { describeType, type MediaType, SERVICE_ONLY_TYPES } from './files/media-types';
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
 * Where the bytes of a new Media come from: a staged upload, or an object another subgraph
 * left in the object storage (an import). The pipeline (storeMediaObjects) reads them, the
 * caller discards them once the Media is committed (or refused).
 */
export interface IngestSource {
  /** How many bytes it holds (as sent: before any optimisation). */
  readonly size: number;
  /** Its bytes from the start, a new stream at each call: consume or destroy it. */
  read(): Promise<Readable>;
  /** Removes the bytes. Idempotent. */
  discard(): Promise<void>;
}

/** The staged bytes of a complete upload. */
export function uploadSource(runtime: MediaRuntime, upload: { id: string; size: number }): IngestSource {
  return {
    size: upload.size,
    read: () => runtime.storage.readStaged(upload.id),
    discard: () => runtime.storage.removeStaged(upload.id),
  };
}

/** An object of the storage, `size` bytes at `key` (see imports.ts for which keys are taken). */
export function objectSource(runtime: MediaRuntime, key: string, size: number): IngestSource {
  return {
    size,
    read: async () => (await runtime.storage.read(key)).body,
    discard: () => runtime.storage.remove(key),
  };
}

/** Bytes refused by what they are (not by who sent them): a stable reason. */
export class BytesRefused extends Error {
  constructor(
    readonly reason: 'TYPE_NOT_ALLOWED' | 'IMAGE_UNREADABLE',
    message: string,
  ) {
    super(message);
  }
}

/** A Media made from a source, its objects written; not persisted yet. */
export interface StoredObjects {
  media: Media;
  /** Removes what was written (when the row cannot be committed). */
  remove(): Promise<void>;
}

/**
 * The pipeline every new Media goes through, whatever its source: the type judged from the
 * bytes (and among `types` when given), the checksum of the bytes as sent, images optimised
 * (with a thumbnail and a blurhash), the objects written under `media/<owner>/<id>/`. Answers
 * the Media, not persisted: the caller commits it (with `media.uploaded`, see recordUploaded)
 * or removes the objects. Refused bytes throw BytesRefused and leave no object behind; the
 * source is left as it is either way.
 */
export async function storeMediaObjects(
  runtime: MediaRuntime,
  em: EntityManager,
  source: IngestSource,
  target: { id?: string; ownerId: string; filename: string; types?: readonly MediaType[] },
): Promise<StoredObjects> {
  const { settings, storage } = runtime;
  // A service's hand-over of a type users cannot upload (a site's ZIP) is let through by its types.
  const allowed = [
    ...settings.MEDIA_ALLOWED_TYPES,
    ...(target.types ?? []).flatMap((type) => SERVICE_ONLY_TYPES[type] ?? []),
  ];
  const detected = await detectType(await readHead(source), allowed);
  if (!detected || (target.types && !target.types.includes(detected.type))) {
    const accepted = allowed.filter(
      (mime) => !target.types || target.types.includes(describeType(mime, '').type),
    );
    throw new BytesRefused(
      'TYPE_NOT_ALLOWED',
      `The file's bytes are not of an accepted type (${accepted.join(', ')}); nothing was stored`,
    );
  }
  const media = em.create(
    Media,
    {
      ...(target.id && { id: target.id }),
      ownerId: target.ownerId,
      filename: sanitizeFilename(target.filename, detected),
      type: detected.type,
      contentType: detected.mime,
      size: source.size,
      checksum: '',
      storageKey: '',
      storedBytes: 0,
      createdAt: runtime.now(),
    },
    { persist: false },
  );
  const prefix = `media/${target.ownerId}/${media.id}`;
  const written: string[] = [];
  const remove = async () => {
    await Promise.all(written.map((key) => storage.remove(key)));
  };
  try {
    if (detected.type === 'IMAGE') {
      await storeImage(runtime, source, media, detected, prefix, written);
    } else {
      media.storageKey = `${prefix}/file.${detected.extension}`;
      media.checksum = await copyHashing(runtime, source, media.storageKey, detected.mime);
      written.push(media.storageKey);
    }
  } catch (error) {
    await remove();
    if (error instanceof ImageRejectedError)
      throw new BytesRefused('IMAGE_UNREADABLE', `The image cannot be used: ${error.message}`);
    throw error;
  }
  media.storedBytes = media.size + (media.thumbnailSize ?? 0) + (media.originalSize ?? 0);
  return { media, remove };
}

/** Records `media.uploaded` for `media` in the transaction that persists it. */
export function recordUploaded(
  em: EntityManager,
  media: Media,
  uploadedBytes: number,
  started: number,
): void {
  recordEvent(
    em,
    createEvent('media.uploaded', {
      actor: media.ownerId,
      subject: media.ownerId,
      data: {
        mediaId: media.id,
        userId: media.ownerId,
        type: media.type,
        contentType: media.contentType,
        bytes: media.storedBytes,
        uploadedBytes,
        processingMs: Date.now() - started,
      },
    }),
  );
}

/**
 * Turns a complete upload into a Media (see storeMediaObjects), then the row and
 * `media.uploaded` in one transaction, and the staged bytes dropped. A refusal removes
 * everything (staged bytes, stored objects, the upload) and throws UploadRejected. Idempotent:
 * an upload already stored answers its media.
 */
export async function ingestUpload(runtime: MediaRuntime, uploadId: string): Promise<Media> {
  const em = runtime.orm.em.fork();
  const upload = await em.findOne(Upload, { id: uploadId });
  if (!upload) throw new UploadRejected('UNSUPPORTED_MEDIA_TYPE', 404, 'No such upload');
  if (upload.mediaId) return em.findOneOrFail(Media, { id: upload.mediaId });
  const started = Date.now();
  const { settings } = runtime;
  const staged = await runtime.storage.staging.getUpload(uploadId).catch(() => undefined);
  if (staged?.offset !== upload.size)
    throw new UploadRejected('INCOMPLETE', 409, 'The upload is not complete; send the rest of its bytes');

  const source = uploadSource(runtime, upload);
  let stored: StoredObjects;
  try {
    // Not persisted there: only the transaction below stores it (a refusal must leave no row,
    // and reject()'s own transaction would otherwise flush it).
    stored = await storeMediaObjects(runtime, em, source, {
      ownerId: upload.ownerId,
      filename: upload.filename,
    });
  } catch (error) {
    if (!(error instanceof BytesRefused)) throw error;
    await reject(em, runtime, upload, error.reason);
    if (error.reason === 'IMAGE_UNREADABLE') throw new UploadRejected('IMAGE_UNREADABLE', 422, error.message);
    throw new UploadRejected('UNSUPPORTED_MEDIA_TYPE', 415, error.message, {
      allowed: settings.MEDIA_ALLOWED_TYPES,
    });
  }
  const { media } = stored;
  try {
    await em.transactional(async (tx) => {
      await lockStorage(tx, upload.ownerId);
      await assertStorageFits(tx, runtime.meter, upload.ownerId, media.storedBytes, runtime.now(), upload.id);
      // The claim: of two ingests of one upload (two replicas), one stores, the other answers its media.
      const claimed = await tx.nativeUpdate(Upload, { id: upload.id, mediaId: null }, { mediaId: media.id });
      if (claimed !== 1) throw new AlreadyIngested();
      tx.persist(media);
      recordUploaded(tx, media, upload.size, started);
    });
  } catch (error) {
    await stored.remove();
    if (error instanceof AlreadyIngested) {
      const winner = await em.fork().findOneOrFail(Upload, { id: uploadId });
      return em.fork().findOneOrFail(Media, { id: winner.mediaId! });
    }
    if (error instanceof UserError && error.extensions.code === ErrorCode.QuotaExceeded) {
      await reject(em, runtime, upload, 'QUOTA_EXCEEDED');
      throw new UploadRejected('QUOTA_EXCEEDED', 413, error.message, { ...error.extensions });
    }
    throw error;
  }
  await source.discard();
  return media;
}

async function storeImage(
  runtime: MediaRuntime,
  source: IngestSource,
  media: Media,
  detected: DetectedType,
  prefix: string,
  written: string[],
): Promise<void> {
  const { settings, storage } = runtime;
  if (settings.MEDIA_KEEP_ORIGINALS) {
    media.originalKey = `${prefix}/original.${detected.extension}`;
    media.checksum = await copyHashing(runtime, source, media.originalKey, detected.mime);
    written.push(media.originalKey);
    media.originalContentType = detected.mime;
    media.originalSize = source.size;
  } else {
    media.checksum = await hashSource(source);
  }
  const image: ProcessedImage = await processImage(await source.read(), {
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

/** The first bytes of a source (fewer when it is shorter). */
async function readHead(source: IngestSource): Promise<Uint8Array> {
  const stream = await source.read();
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

/** Streams the source's bytes into `key`, hashing them on the way: `sha256:<hex>`. */
async function copyHashing(
  runtime: MediaRuntime,
  source: IngestSource,
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
  const bytes = await source.read();
  await Promise.all([runtime.storage.write(key, hashing, contentType), pipeline(bytes, hashing)]);
  return `sha256:${hash.digest('hex')}`;
}

async function hashSource(source: IngestSource): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(await source.read(), hash);
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
