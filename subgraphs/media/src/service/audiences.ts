import type { EventApplier } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AudienceMember, Media, MediaShare } from '../entities';
import type { MediaRuntime } from '../runtime';
import { isUuid } from './uploads';

/**
 * Audiences: a media may be shared, for a use of another domain (`ticket:<id>`), with
 * audiences whose members may then read it (signed URLs, never the public address). An
 * audience is `user:<id>` (that user alone) or a name whose members events tell
 * (`support-agents`, `friends:<id>`).
 */
export const SUPPORT_AGENTS = 'support-agents';

/** Not an audience: social's word for "publish it" (see social.ts); never a share row. */
export const PUBLIC_AUDIENCE = 'public';

/** Longest use or audience name stored (longer ones are ignored, as malformed). */
const MAX_NAME = 100;
export const validName = (name: string) => name.length > 0 && name.length <= MAX_NAME;

/** The audience only `userId` is in. */
export const userAudience = (userId: string) => `user:${userId}`;

/** The friends of `userId` (social's friendship graph). */
export const friendsAudience = (userId: string) => `friends:${userId}`;

/**
 * Shares, for `use`, the media of `mediaIds` that `ownerId` owns and has not deleted with each
 * audience; anyone else's media (and malformed ids) stay as they were. Idempotent.
 */
export async function shareMedia(
  em: EntityManager,
  share: { mediaIds: string[]; ownerId: string; use: string; audiences: string[] },
): Promise<void> {
  const ids = share.mediaIds.filter(isUuid);
  const audiences = [...new Set(share.audiences.filter(validName))];
  if (!ids.length || !audiences.length || !validName(share.use) || !isUuid(share.ownerId)) return;
  const owned = await em.find(
    Media,
    { id: { $in: ids }, ownerId: share.ownerId, deletedAt: null },
    { fields: ['id'] },
  );
  const rows = owned.flatMap((media) =>
    audiences.map((audience) => ({ mediaId: media.id, use: share.use, audience, createdAt: new Date() })),
  );
  if (rows.length) await em.createQueryBuilder(MediaShare).insert(rows).onConflict().ignore().execute();
}

/** Every media shared for `use` is private again (to the audiences of that use). */
export async function unshareUse(em: EntityManager, use: string): Promise<void> {
  await em.nativeDelete(MediaShare, { use });
}

/** `userId` joins the named audience (idempotent). */
export async function addMember(em: EntityManager, audience: string, userId: string): Promise<void> {
  if (!isUuid(userId)) return;
  await em
    .createQueryBuilder(AudienceMember)
    .insert({ audience, userId, createdAt: new Date() })
    .onConflict()
    .ignore()
    .execute();
}

/** `userId` leaves the named audience. */
export async function removeMember(em: EntityManager, audience: string, userId: string): Promise<void> {
  if (!isUuid(userId)) return;
  await em.nativeDelete(AudienceMember, { audience, userId });
}

/** Of `mediaIds`, those shared with an audience `viewerId` is in: one statement for any number. */
export async function sharedWithViewer(
  em: EntityManager,
  viewerId: string,
  mediaIds: readonly string[],
): Promise<Set<string>> {
  const ids = mediaIds.filter(isUuid);
  if (!ids.length || !isUuid(viewerId)) return new Set();
  const rows: Array<{ media_id: string }> = await em.execute(
    `select distinct s.media_id from media.media_share s
      where s.media_id in (?)
        and (s.audience = ? or s.audience in (select m.audience from media.audience_member m where m.user_id = ?))`,
    [ids, userAudience(viewerId), viewerId],
  );
  return new Set(rows.map((row) => row.media_id));
}

/**
 * Erasure: the user is in no audience any more (named ones, and shares naming them alone), and
 * their friends' audience is gone.
 */
export async function dropMemberships(em: EntityManager, userId: string): Promise<void> {
  await em.nativeDelete(AudienceMember, { userId });
  await em.nativeDelete(AudienceMember, { audience: friendsAudience(userId) });
  await em.nativeDelete(MediaShare, { audience: userAudience(userId) });
}

export const shareAttachments: EventApplier<MediaRuntime, 'support.attachments_shared'> = (em, event) =>
  shareMedia(em, event.data);

export const unshareAttachments: EventApplier<MediaRuntime, 'support.attachments_unshared'> = (em, event) =>
  unshareUse(em, event.data.use);

export const agentAdded: EventApplier<MediaRuntime, 'support.agent_added'> = (em, event) =>
  addMember(em, SUPPORT_AGENTS, event.data.userId);

export const agentRemoved: EventApplier<MediaRuntime, 'support.agent_removed'> = (em, event) =>
  removeMember(em, SUPPORT_AGENTS, event.data.userId);
