import { badUserInput, notFound } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Media, ShareLink } from '../entities';
import type { MediaRuntime } from '../runtime';
import { findOwnMedia } from './library';
import { isUuid } from './uploads';

/** A link to one of the owner's active media, valid for `seconds` (1 s to the configured maximum). */
export async function createShareLink(
  em: EntityManager,
  runtime: MediaRuntime,
  ownerId: string,
  mediaId: string,
  seconds: number,
): Promise<ShareLink> {
  const max = runtime.settings.MEDIA_MAX_SHARE_SECONDS;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > max)
    throw badUserInput(`expiresInSeconds: from 1 to ${max}`, 'expiresInSeconds');
  const media = await findOwnMedia(em, ownerId, mediaId);
  if (media.deletedAt) throw badUserInput('A deleted file cannot be shared; restore it first', 'mediaId');
  const now = runtime.now();
  const link = em.create(ShareLink, {
    mediaId: media.id,
    ownerId,
    expiresAt: new Date(now.getTime() + seconds * 1000),
    createdAt: now,
  });
  await em.flush();
  return link;
}

/** Ends one of the owner's links at once; revoking twice keeps the first time. */
export async function revokeShareLink(
  em: EntityManager,
  runtime: MediaRuntime,
  ownerId: string,
  id: string,
): Promise<ShareLink> {
  const link = isUuid(id) ? await em.findOne(ShareLink, { id, ownerId }) : null;
  if (!link) throw notFound('No such share link');
  link.revokedAt ??= runtime.now();
  await em.flush();
  return link;
}

export function listShareLinks(
  em: EntityManager,
  mediaId: string,
  args: PageArgs,
): Promise<Connection<ShareLink>> {
  return paginate(em, ShareLink, { mediaId }, args, { orderBy: ['createdAt', 'id'], direction: 'desc' });
}

export type SharedFile =
  { state: 'unknown' } | { state: 'gone'; reason: string } | { state: 'live'; link: ShareLink; media: Media };

/**
 * What a share token opens: unknown (not a token of ours, or no such link), gone (expired,
 * revoked, or its media deleted), or the media.
 */
export async function openShareLink(
  em: EntityManager,
  runtime: MediaRuntime,
  token: string,
): Promise<SharedFile> {
  const linkId = runtime.signer.shareLinkId(token);
  const link = linkId ? await em.findOne(ShareLink, { id: linkId }) : null;
  if (!link) return { state: 'unknown' };
  if (link.revokedAt) return { state: 'gone', reason: 'This link was revoked' };
  if (link.expiresAt.getTime() <= runtime.now().getTime())
    return { state: 'gone', reason: 'This link has expired' };
  const media = await em.findOne(Media, { id: link.mediaId, deletedAt: null });
  if (!media) return { state: 'gone', reason: 'The file was deleted' };
  return { state: 'live', link, media };
}

/** Counts a download of a link (one statement, exact under concurrency). */
export async function countShareDownload(em: EntityManager, linkId: string): Promise<void> {
  await em.execute('update media.share_link set downloads = downloads + 1 where id = ?', [linkId]);
}
