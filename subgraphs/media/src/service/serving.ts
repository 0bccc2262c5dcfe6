import { Media } from '../entities';
import type { MediaRuntime } from '../runtime';

/** An active media, for a signed URL (the signature already says who may read it). */
export function findServableMedia(runtime: MediaRuntime, id: string): Promise<Media | null> {
  return runtime.orm.em.fork().findOne(Media, { id, deletedAt: null });
}

/** An active avatar: the only media served without a signature. */
export function findPublicMedia(runtime: MediaRuntime, id: string): Promise<Media | null> {
  return runtime.orm.em.fork().findOne(Media, { id, deletedAt: null, isAvatar: true });
}
