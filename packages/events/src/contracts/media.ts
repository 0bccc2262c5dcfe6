import type { EventSpecs } from './define';

export type MediaType = 'IMAGE' | 'VIDEO' | 'AUDIO' | 'DOCUMENT' | 'TEXT' | 'ARCHIVE';

/** Events media publishes: files arriving, leaving and coming back, and avatars. */
export interface MediaEvents {
  'media.uploaded': {
    version: 1;
    data: {
      mediaId: string;
      userId: string;
      type: MediaType;
      contentType: string;
      /** Every byte stored for it (file, thumbnail, kept original). */
      bytes: number;
      /** Bytes as uploaded. */
      uploadedBytes: number;
      /** Milliseconds from the end of the upload to the stored media (checks, image processing). */
      processingMs: number;
    };
  };
  'media.upload_rejected': {
    version: 1;
    data: {
      uploadId: string;
      userId: string;
      /** Why, as a stable code: TYPE_NOT_ALLOWED, SIZE_MISMATCH, IMAGE_UNREADABLE. */
      reason: string;
      declaredContentType: string;
      size: number;
    };
  };
  'media.deleted': { version: 1; data: { mediaId: string; userId: string; bytes: number } };
  'media.restored': { version: 1; data: { mediaId: string; userId: string; bytes: number } };
  /** Removed for good (by the owner or after the retention period): its bytes are freed. */
  'media.purged': { version: 1; data: { mediaId: string; userId: string; bytes: number } };
  /**
   * The user's avatar changed: `mediaId` null when removed. `url` is public and stable (the
   * avatar's address on the gateway's host), or null.
   */
  'media.avatar_changed': {
    version: 1;
    data: { userId: string; mediaId: string | null; url: string | null };
  };
}

export const mediaEvents: EventSpecs<MediaEvents> = {
  'media.uploaded': { version: 1 },
  'media.upload_rejected': { version: 1 },
  'media.deleted': { version: 1 },
  'media.restored': { version: 1 },
  'media.purged': { version: 1 },
  'media.avatar_changed': { version: 1 },
};
