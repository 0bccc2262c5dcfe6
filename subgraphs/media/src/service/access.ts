import type { Viewer } from '@lattice/server-kit';
import { canReadPrivate } from '@lattice/subgraph-kit';
import type { Media } from '../entities';

/** Readable by anyone: an active avatar, or a picture another domain shows publicly. */
export const isPublic = (media: Media) => (media.isAvatar || media.isPublic) && !media.deletedAt;

/** Whether the caller may see the media: its owner and staff; anyone, for a public one. */
export function canSee(media: Media, viewer: Viewer | null): boolean {
  return canReadPrivate(viewer, media.ownerId) || isPublic(media);
}

/** Whether the media of `mediaId` is shared with an audience `viewerId` is in. */
export type SharedWith = (viewerId: string, mediaId: string) => Promise<boolean>;

/**
 * Who may read a media (resolve it, get its URLs): canSee, or else the active media shared with
 * an audience the viewer is in (service/audiences.ts). `sharedWith` answers the latter: a
 * request's loader batches it (one statement for every such media of the request).
 */
export async function canRead(media: Media, viewer: Viewer | null, sharedWith: SharedWith): Promise<boolean> {
  if (canSee(media, viewer)) return true;
  if (!viewer || media.deletedAt) return false;
  return sharedWith(viewer.id, media.id);
}
