import type { InternalClient } from '@lattice/subgraph-kit';

/** A file as media describes it to a subgraph acting for a user who may read it. */
export interface DescribedFile {
  mediaId: string;
  type: string;
  contentType: string;
  filename: string;
  size: number;
  /** Where its bytes are in the object storage media, ai and invoicing share. */
  storageKey: string;
}

export interface MediaFiles {
  /**
   * The file `mediaId` if it is `userId`'s own (NOT_FOUND otherwise, even for a file shared
   * with them or public: a voice note or a logo is the user's own; SERVICE_UNAVAILABLE when
   * media cannot say).
   */
  describeOwn(userId: string, mediaId: string): Promise<DescribedFile>;
}

export const mediaFiles = (media: InternalClient): MediaFiles => ({
  describeOwn: (userId, mediaId) =>
    media.call<DescribedFile>('/internal/files/describe', { userId, mediaId, ownOnly: true }),
});
