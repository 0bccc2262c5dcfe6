import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import { ErasedUser, Profile } from '../entities';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_URL = 2048;

/**
 * `media.avatar_changed`: the profile's avatar becomes the media (`avatarMediaId`, and its
 * public URL in `avatarUrl`), or is removed (`mediaId` null). A removal clears `avatarUrl`
 * only when media had set it: an address the user typed, with no media avatar, stays.
 *
 * Order: the bus does not keep a user's events in order (a failed delivery is retried after
 * later ones, and replicas share a group), so the change applies only when it is not older
 * than the avatar change already applied (`avatarChangedAt`: the last event's `occurredAt`,
 * or the user's own `updateProfile`); one at the same instant still applies.
 *
 * A profile that does not exist yet (identity's registration event not applied) throws, and
 * the bus retries; an erased user's event changes nothing. A payload that breaks the contract
 * throws too (retried, then dead-lettered) rather than storing an avatar nobody meant.
 */
export async function applyAvatarChange(
  em: EntityManager,
  event: EventEnvelope<'media.avatar_changed'>,
): Promise<void> {
  const { userId, mediaId, url } = event.data;
  const changedAt = new Date(event.occurredAt);
  if (Number.isNaN(changedAt.getTime())) throw invalid(event, `occurredAt ${event.occurredAt} is not a date`);
  if (mediaId !== null && !UUID.test(mediaId)) throw invalid(event, `mediaId ${mediaId} is not a uuid`);
  if (url !== null && !isHttpUrl(url))
    throw invalid(event, `url is not an http(s) URL of at most ${MAX_URL} characters`);

  if ((await em.count(ErasedUser, { userId })) > 0) return; // deleted: nothing of theirs is kept
  // Locked, so a concurrent updateProfile of the same user applies before or after, not across.
  const profile = await em.findOne(Profile, { userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!profile) throw new Error(`The profile of user ${userId} does not exist yet: its avatar waits for it`);
  if (profile.avatarChangedAt && profile.avatarChangedAt > changedAt) return; // a later change is applied

  if (mediaId !== null) {
    profile.avatarMediaId = mediaId;
    profile.avatarUrl = url;
  } else if (profile.avatarMediaId !== null) {
    profile.avatarMediaId = null;
    profile.avatarUrl = null;
  }
  profile.avatarChangedAt = changedAt; // even for a removal that changed nothing: older events stay out
}

function isHttpUrl(value: string): boolean {
  if (value.length > MAX_URL) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function invalid(event: EventEnvelope, problem: string): Error {
  return new Error(`${event.type} ${event.id} breaks its contract: ${problem}`);
}
