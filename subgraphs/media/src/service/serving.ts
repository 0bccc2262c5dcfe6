import { Media } from '../entities';
import type { MediaRuntime } from '../runtime';

/** An active media, for a signed URL (the signature already says who may read it). */
export function findServableMedia(runtime: MediaRuntime, id: string): Promise<Media | null> {
  return runtime.orm.em.fork().findOne(Media, { id, deletedAt: null });
}

/** An active public media (an avatar, a gym's picture): the only media served without a signature. */
export function findPublicMedia(runtime: MediaRuntime, id: string): Promise<Media | null> {
  return runtime.orm.em
    .fork()
    .findOne(Media, { id, deletedAt: null, $or: [{ isAvatar: true }, { isPublic: true }] });
}
