import { badUserInput, notFound, type Viewer } from '@lattice/server-kit';
import { canReadPrivate } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Media } from '../entities';
import { canRead } from './access';
import { sharedWithViewer } from './audiences';
import type { MediaType } from './files';
import { isUuid } from './uploads';

/** A stored file as another service reads its bytes from the shared object storage. */
export interface FileDescription {
  mediaId: string;
  type: MediaType;
  /** The type of the bytes at `storageKey`. */
  contentType: string;
  filename: string;
  /** Bytes at `storageKey`. */
  size: number;
  /** The object storage key of the bytes. */
  storageKey: string;
}

/**
 * The file of `mediaId` as `userId` may read it, for a service acting for that user (ai reading
 * a voice note to transcribe it). The rule is the one media applies to that user's requests
 * (canRead: their own, shared with an audience they are in, or public), as a plain user: a
 * service gets no staff reading. Deleted media and anything else are NOT_FOUND, with one message
 * whether the media is missing or not theirs. With `ownOnly`, only the user's own files (what
 * they make their logo or voice note of: never someone's public avatar or a file shared with
 * them). The bytes are the file as uploaded (audio, video,
 * documents, text; an image's kept original) for its owner; an image's optimised variant when
 * no original was kept, or for anyone else (as `Media.originalUrl` is only the owner's).
 */
export async function describeFile(
  em: EntityManager,
  input: { userId?: unknown; mediaId?: unknown; ownOnly?: unknown },
): Promise<FileDescription> {
  const userId = uuidField(input.userId, 'userId');
  const mediaId = uuidField(input.mediaId, 'mediaId');
  if (input.ownOnly !== undefined && typeof input.ownOnly !== 'boolean')
    throw badUserInput('ownOnly: must be true or false', 'ownOnly');
  const media = await em.findOne(Media, { id: mediaId, deletedAt: null });
  const reader = asUser(userId);
  const sharedWith = async (viewerId: string, id: string) =>
    (await sharedWithViewer(em, viewerId, [id])).has(id);
  const readable = input.ownOnly
    ? media?.ownerId === userId
    : !!media && (await canRead(media, reader, sharedWith));
  if (!media || !readable) throw notFound('No such media');
  const description = {
    mediaId: media.id,
    type: media.type,
    contentType: media.contentType,
    filename: media.filename,
    size: media.size,
    storageKey: media.storageKey,
  };
  if (media.originalKey && canReadPrivate(reader, media.ownerId)) {
    const extension = media.originalKey.slice(media.originalKey.lastIndexOf('.') + 1);
    return {
      ...description,
      contentType: media.originalContentType ?? media.contentType,
      filename: `${media.filename.replace(/\.[^.]*$/, '')}.${extension}`,
      size: media.originalSize ?? media.size,
      storageKey: media.originalKey,
    };
  }
  return description;
}

function uuidField(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isUuid(value)) throw badUserInput(`${field}: must be a UUID`, field);
  return value;
}

/**
 * `userId` as media's rules see a signed-in user of the plain `user` role. A service names the
 * user, not their session or role: it gets what the user may read as a member, never what staff
 * may (the session and token are unused by those rules).
 */
function asUser(userId: string): Viewer {
  return { id: userId, role: 'user', sessionId: '', token: '' };
}
