import type { EventApplier } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Media, Publication } from '../entities';
import type { MediaRuntime } from '../runtime';
import { validName } from './audiences';
import { isUuid } from './uploads';

/**
 * Publications: another domain shows pictures with something public (a gym's pictures, a
 * review, a public post): anyone may see them, at the public address, while a use remains.
 */

/**
 * Publishes, for `use`, the media of `mediaIds` that `ownerId` owns and has not deleted; anyone
 * else's media (and malformed ids) stay as they were: private. Idempotent.
 */
export async function publishMedia(
  em: EntityManager,
  publication: { mediaIds: string[]; ownerId: string; use: string },
): Promise<void> {
  const ids = publication.mediaIds.filter(isUuid);
  if (!ids.length || !validName(publication.use) || !isUuid(publication.ownerId)) return;
  const owned = await em.find(
    Media,
    { id: { $in: ids }, ownerId: publication.ownerId, deletedAt: null },
    { fields: ['id'] },
  );
  if (!owned.length) return;
  const mediaIds = owned.map((media) => media.id);
  const rows = mediaIds.map((mediaId) => ({ mediaId, use: publication.use, createdAt: new Date() }));
  await em.createQueryBuilder(Publication).insert(rows).onConflict().ignore().execute();
  await em.nativeUpdate(Media, { id: { $in: mediaIds } }, { isPublic: true });
}

/**
 * The media published for `use` (only `mediaId`, when given) are no longer for it: each is
 * private again unless another use remains.
 */
export async function unpublishUse(em: EntityManager, use: string, mediaId?: string): Promise<void> {
  if (mediaId !== undefined && !isUuid(mediaId)) return;
  const gone: Array<{ media_id: string }> = await em.execute(
    `delete from media.publication where use = ?${mediaId ? ' and media_id = ?' : ''} returning media_id`,
    mediaId ? [use, mediaId] : [use],
  );
  if (!gone.length) return;
  await em.execute(
    `update media.media m set is_public = exists (select 1 from media.publication p where p.media_id = m.id)
      where m.id in (?)`,
    [gone.map((row) => row.media_id)],
  );
}

/** A picture published by its owner (see publishMedia). */
export const publishPicture: EventApplier<MediaRuntime, 'bookings.picture_published'> = (em, event) =>
  publishMedia(em, { mediaIds: [event.data.mediaId], ownerId: event.data.ownerId, use: event.data.use });

/** That use of the picture ended (see unpublishUse). */
export const unpublishPicture: EventApplier<MediaRuntime, 'bookings.picture_unpublished'> = (em, event) =>
  unpublishUse(em, event.data.use, event.data.mediaId);
