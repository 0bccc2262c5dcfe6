import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, notFound } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Media, ShareLink } from '../entities';
import type { MediaRuntime } from '../runtime';
import type { MediaType } from './files';
import { isUuid } from './uploads';

/** One of the owner's media (deleted ones too); NOT_FOUND for anything else, another's included. */
export async function findOwnMedia(em: EntityManager, ownerId: string, id: string): Promise<Media> {
  const media = isUuid(id) ? await em.findOne(Media, { id, ownerId }) : null;
  if (!media) throw notFound('No such media');
  return media;
}

/** One page of the owner's media, newest first: active or in the bin, of one type or all. */
export function listMedia(
  em: EntityManager,
  ownerId: string,
  args: PageArgs & { type?: MediaType | null; deleted?: boolean | null },
): Promise<Connection<Media>> {
  const where = {
    ownerId,
    deletedAt: args.deleted ? { $ne: null } : null,
    ...(args.type ? { type: args.type } : {}),
  };
  return paginate(em, Media, where, args, { orderBy: ['createdAt', 'id'], direction: 'desc' });
}

/**
 * Moves the owner's media to the bin until `retention` passes: its URLs and share links stop
 * working at once, and an avatar stops being one. Deleting twice changes nothing.
 */
export async function deleteMedia(em: EntityManager, runtime: MediaRuntime, ownerId: string, id: string) {
  return em.transactional(async (tx) => {
    await lockAvatar(tx, ownerId);
    const media = await findOwnMedia(tx, ownerId, id);
    if (media.deletedAt) return media;
    const now = runtime.now();
    media.deletedAt = now;
    media.purgeAt = new Date(now.getTime() + runtime.settings.MEDIA_RETENTION_DAYS * 86_400_000);
    // Revoked, not paused: restoring the file must not bring back links its owner meant to end.
    await tx.nativeUpdate(ShareLink, { mediaId: media.id, revokedAt: null }, { revokedAt: now });
    if (media.isAvatar) clearAvatar(tx, media);
    recordEvent(tx, mediaEvent('media.deleted', media));
    return media;
  });
}

/** Brings the owner's media back from the bin. */
export async function restoreMedia(em: EntityManager, ownerId: string, id: string) {
  return em.transactional(async (tx) => {
    const media = await findOwnMedia(tx, ownerId, id);
    if (!media.deletedAt) return media;
    media.deletedAt = null;
    media.purgeAt = null;
    recordEvent(tx, mediaEvent('media.restored', media));
    return media;
  });
}

/**
 * Removes media for good: the row (its share links and audience shares) in one transaction with
 * `media.purged`, then the stored objects. Objects left by a crash in between are orphans the
 * janitor's sweep removes. False when there was nothing to purge.
 */
export async function purgeMedia(em: EntityManager, runtime: MediaRuntime, media: Media): Promise<boolean> {
  const removed = await em.transactional(async (tx) => {
    const count = await tx.nativeDelete(Media, { id: media.id });
    if (count === 0) return false;
    await tx.execute('delete from media.share_link where media_id = ?', [media.id]);
    await tx.execute('delete from media.media_share where media_id = ?', [media.id]);
    if (media.isAvatar) clearAvatar(tx, media);
    recordEvent(tx, mediaEvent('media.purged', media));
    return true;
  });
  if (removed) {
    const keys = [media.storageKey, media.thumbnailKey, media.originalKey].filter((key) => key !== null);
    await Promise.all(keys.map((key) => runtime.storage.remove(key)));
  }
  return removed;
}

/**
 * Makes one of the owner's active images their avatar (the previous one stops being one), or
 * removes the avatar (`mediaId` null). Tells accounts through `media.avatar_changed`.
 */
export async function setAvatar(
  em: EntityManager,
  ownerId: string,
  mediaId: string | null | undefined,
  publicUrl: (media: Media) => string,
): Promise<Media | null> {
  return em.transactional(async (tx) => {
    await lockAvatar(tx, ownerId);
    const media = mediaId ? await findOwnMedia(tx, ownerId, mediaId) : null;
    if (media && (media.deletedAt || media.type !== 'IMAGE'))
      throw badUserInput('An avatar must be one of your images, not deleted', 'mediaId');
    const current = await tx.findOne(Media, { ownerId, isAvatar: true });
    if (current && current.id === media?.id) return media;
    if (current) {
      current.isAvatar = false;
      // Written before the new one: one avatar per owner is a unique index.
      await tx.flush();
    }
    if (media) media.isAvatar = true;
    recordEvent(
      tx,
      createEvent('media.avatar_changed', {
        actor: ownerId,
        subject: ownerId,
        data: { userId: ownerId, mediaId: media?.id ?? null, url: media ? publicUrl(media) : null },
      }),
    );
    return media;
  });
}

/**
 * Changes of one owner's avatar, one at a time: two at once would both clear the current one
 * and the second would break the one-avatar index; a delete racing a setAvatar would leave a
 * deleted avatar that a restore makes public again.
 */
async function lockAvatar(em: EntityManager, ownerId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`media.avatar:${ownerId}`]);
}

function clearAvatar(em: EntityManager, media: Media) {
  media.isAvatar = false;
  recordEvent(
    em,
    createEvent('media.avatar_changed', {
      actor: media.ownerId,
      subject: media.ownerId,
      data: { userId: media.ownerId, mediaId: null, url: null },
    }),
  );
}

function mediaEvent(type: 'media.deleted' | 'media.restored' | 'media.purged', media: Media) {
  return createEvent(type, {
    actor: media.ownerId,
    subject: media.ownerId,
    data: { mediaId: media.id, userId: media.ownerId, bytes: media.storedBytes },
  });
}
