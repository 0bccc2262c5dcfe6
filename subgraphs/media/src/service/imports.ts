import { ObjectNotFoundError } from '@lattice/object-storage';
import type { Logger } from '@lattice/server-kit';
import type { EventApplier } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErasedUser, Media } from '../entities';
import type { MediaRuntime } from '../runtime';
import { afterCommit, afterRollback } from './after-commit';
import { userLockKey } from './erasure';
import type { MediaType } from './files';
import { BytesRefused, objectSource, recordUploaded, storeMediaObjects, type StoredObjects } from './ingest';
import { isUuid } from './uploads';

/**
 * Where other subgraphs leave bytes for media to adopt (ai: `imports/ai/<mediaId>.png`). Media
 * adopts nothing else: an event naming another key (its own `media/…` objects, say) is ignored.
 */
export const IMPORTS_PREFIX = 'imports/';

export interface ImportRequest {
  /** The id the Media gets (the one the other subgraph already refers to). */
  mediaId: string;
  ownerId: string;
  /** Where the bytes wait, under IMPORTS_PREFIX. */
  key: string;
  filename: string;
  /** The kinds of file taken (judged from the bytes); anything else is refused. */
  types: readonly MediaType[];
}

/**
 * Stores the object at `request.key` as the Media `request.mediaId` of its owner, through the
 * pipeline of uploads (the type judged from the bytes, images optimised with a thumbnail and a
 * blurhash), with `media.uploaded`, in the transaction of `em`; the import object is removed
 * once that transaction has committed. Inside the transaction of the event that asks for it:
 * the row and the event's processed mark commit together, and a second delivery (or a
 * concurrent one, which waits for the first's mark) stores nothing.
 *
 * - A Media with that id already there: nothing stored (the import, if any, removed).
 * - Its owner erased (identity.user_deleted came first): nothing stored, the import removed.
 * - The import gone: nothing to do (a delivery after one that stored it).
 * - Refused bytes (not of `types`, not an allowed type, an unreadable image, too large): logged,
 *   the import removed, no Media.
 * - Not counted against the storage limit before storing: the file was paid for where it was
 *   made (ai's image limit), so it is stored and the owner's storage shows it (over the limit,
 *   their next upload is refused until they make room).
 *
 * Anything else (storage or database down) throws: the transaction rolls back, the objects
 * written are removed (after the rollback), the import stays, and the event is delivered again.
 */
export async function importObject(
  em: EntityManager,
  runtime: MediaRuntime,
  request: ImportRequest,
  log: Logger = runtime.log,
): Promise<Media | null> {
  const started = Date.now();
  const { storage, settings } = runtime;
  const { key, mediaId, ownerId } = request;
  if (!isImportKey(key)) {
    log.warn({ key, mediaId }, `an import outside ${IMPORTS_PREFIX} was ignored`);
    return null;
  }
  if (!isUuid(mediaId) || !isUuid(ownerId)) {
    log.warn({ key, mediaId, ownerId }, 'an import naming no valid media or owner was refused and removed');
    await storage.remove(key);
    return null;
  }
  // One import of a media at a time (two events naming it would write the same keys).
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`media.import:${mediaId}`]);
  await em.execute('select pg_advisory_xact_lock_shared(hashtextextended(?, 0))', [userLockKey(ownerId)]);
  if ((await em.count(ErasedUser, { userId: ownerId })) > 0) {
    log.info({ key, mediaId, ownerId }, 'an import for an erased user was dropped');
    await storage.remove(key);
    return null;
  }
  const existing = await em.findOne(Media, { id: mediaId });
  if (existing) {
    if (existing.ownerId !== ownerId)
      log.warn(
        { key, mediaId, ownerId },
        'an import names a media of another owner; removed, nothing stored',
      );
    afterCommit(em, () => storage.remove(key));
    return existing.ownerId === ownerId ? existing : null;
  }
  const info = await storage.stat(key);
  if (!info) {
    log.info({ key, mediaId }, 'the import is gone (stored before, or removed): nothing to store');
    return null;
  }
  const source = objectSource(runtime, key, info.size);
  if (info.size === 0 || info.size > settings.MEDIA_MAX_FILE_BYTES) {
    log.warn({ key, mediaId, size: info.size }, 'an import of no bytes or too many was refused and removed');
    await source.discard();
    return null;
  }

  let stored: StoredObjects;
  try {
    stored = await storeMediaObjects(runtime, em, source, {
      id: mediaId,
      ownerId,
      filename: request.filename,
      types: request.types,
    });
  } catch (error) {
    if (error instanceof ObjectNotFoundError) {
      log.info({ key, mediaId }, 'the import went while it was read: nothing to store');
      return null;
    }
    if (!(error instanceof BytesRefused)) throw error;
    log.warn(
      { key, mediaId, ownerId, reason: error.reason },
      `an import was refused and removed: ${error.message}`,
    );
    await source.discard();
    return null;
  }
  // The import goes once the row is committed, not before: were the commit to fail, the
  // redelivery needs the bytes again. A rollback removes what was written instead.
  afterCommit(em, () => source.discard());
  afterRollback(em, () => stored.remove());
  em.persist(stored.media);
  recordUploaded(em, stored.media, source.size, started);
  await em.flush();
  log.info({ key, mediaId, ownerId, bytes: stored.media.storedBytes }, 'an import was stored');
  return stored.media;
}

/** A key under IMPORTS_PREFIX, of the characters storage keys are made of, no `.`/`..` segment. */
function isImportKey(key: unknown): key is string {
  return (
    typeof key === 'string' &&
    key.startsWith(IMPORTS_PREFIX) &&
    key.length <= 512 &&
    /^[A-Za-z0-9._/-]+$/.test(key) &&
    key.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  );
}

/** ai generated an image: stored as the Media it named, for its owner. */
export const importGeneratedImage: EventApplier<MediaRuntime, 'ai.image_generated'> = async (
  em,
  event,
  runtime,
) => {
  const { mediaId, userId, storageKey, filename } = event.data;
  await importObject(
    em,
    runtime,
    { mediaId, ownerId: userId, key: storageKey, filename, types: ['IMAGE'] },
    runtime.log.child({ eventId: event.id, eventType: event.type }),
  );
};

/** invoicing issued an invoice: its PDF stored as the Media it named, for the invoice's owner. */
export const importInvoicePdf: EventApplier<MediaRuntime, 'invoicing.invoice_issued'> = async (
  em,
  event,
  runtime,
) => {
  const { userId, pdf } = event.data;
  await importObject(
    em,
    runtime,
    {
      mediaId: pdf.mediaId,
      ownerId: userId,
      key: pdf.storageKey,
      filename: pdf.filename,
      types: ['DOCUMENT'],
    },
    runtime.log.child({ eventId: event.id, eventType: event.type }),
  );
};

/** sites packed a version of a site: its ZIP stored as the Media it named, for the site's owner. */
export const importSiteArchive: EventApplier<MediaRuntime, 'sites.site_generated'> = async (
  em,
  event,
  runtime,
) => {
  const { userId, archive } = event.data;
  await importObject(
    em,
    runtime,
    {
      mediaId: archive.mediaId,
      ownerId: userId,
      key: archive.storageKey,
      filename: archive.filename,
      types: ['ARCHIVE'],
    },
    runtime.log.child({ eventId: event.id, eventType: event.type }),
  );
};
