import type { EventApplier } from '@lattice/subgraph-kit';
import { Media, Publication } from '../entities';
import type { MediaRuntime } from '../runtime';
import { isUuid } from './uploads';

/**
 * Another domain shows a picture with something public (a gym's pictures, a review): anyone
 * may see it from now on, provided the user who attached it owns it (anyone else's media, or
 * a deleted one, stays as it was: private, so it resolves as null there).
 */
export const publishPicture: EventApplier<MediaRuntime, 'bookings.picture_published'> = async (em, event) => {
  const { mediaId, ownerId, use } = event.data;
  if (!isUuid(mediaId)) return;
  const media = await em.findOne(Media, { id: mediaId, ownerId, deletedAt: null });
  if (!media) return;
  await em.upsert(Publication, { mediaId, use, createdAt: new Date() });
  media.isPublic = true;
};

/** That use ended: the picture is private again unless another use remains. */
export const unpublishPicture: EventApplier<MediaRuntime, 'bookings.picture_unpublished'> = async (
  em,
  event,
) => {
  const { mediaId, use } = event.data;
  if (!isUuid(mediaId)) return;
  await em.nativeDelete(Publication, { mediaId, use });
  const others = await em.count(Publication, { mediaId });
  await em.nativeUpdate(Media, { id: mediaId }, { isPublic: others > 0 });
};
