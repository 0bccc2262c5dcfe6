import type { EventApplier } from '@lattice/subgraph-kit';
import { ErasedUser, Media, ShareLink, Upload } from '../entities';
import { dropMemberships } from './audiences';

/** The lock an erasure of a user takes exclusively, and imports for them shared. */
export const userLockKey = (userId: string) => `media.user:${userId}`;

/**
 * A deleted user's files go: every media is due for purging now and every upload expires, so
 * the janitor removes the bytes and the rows on its next pass; share links stop at once, and
 * the user leaves every audience (they see nothing shared with them any more). A tombstone
 * keeps files handed over later by other domains (ai's images, invoicing's PDFs, announced
 * before the erasure reached them) from being stored for the user.
 */
export const eraseUserMedia: EventApplier<unknown, 'identity.user_deleted'> = async (em, event) => {
  const ownerId = event.data.userId;
  // Waits for imports of the user under way (importObject holds this lock shared), so none
  // commits a file this erasure did not see.
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [userLockKey(ownerId)]);
  const now = new Date();
  await em.nativeUpdate(ShareLink, { ownerId, revokedAt: null }, { revokedAt: now });
  await em.nativeUpdate(Media, { ownerId, deletedAt: null }, { deletedAt: now, isAvatar: false });
  await em.nativeUpdate(Media, { ownerId }, { purgeAt: now });
  await em.nativeUpdate(Upload, { ownerId, mediaId: null }, { expiresAt: now });
  await dropMemberships(em, ownerId);
  await em
    .createQueryBuilder(ErasedUser)
    .insert({ userId: ownerId, erasedAt: now })
    .onConflict('userId')
    .ignore()
    .execute('run');
};
