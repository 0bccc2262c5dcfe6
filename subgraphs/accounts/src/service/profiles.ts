import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { createEvent, type EventEnvelope, recordEvent } from '@lattice/events';
import { validateInput } from '@lattice/server-kit';
import { defaultPreferences, ErasedUser, type Preferences, Profile } from '../entities';
import { assertNotErased } from './erasure';
import { updateProfileInput } from './validation';

const MAX_DISPLAY_NAME = 64;

/** The default display name: the email's local part. */
export function defaultDisplayName(email: string): string {
  const local = email.split('@')[0] ?? '';
  return (local || 'user').slice(0, MAX_DISPLAY_NAME);
}

/**
 * Inserts a profile unless one exists (one statement, safe against a concurrent insert by
 * `updateProfile` or a redelivered registration).
 */
async function insertProfileIfMissing(em: EntityManager, userId: string, displayName: string): Promise<void> {
  const now = new Date();
  await em
    .createQueryBuilder(Profile)
    .insert({
      userId,
      displayName,
      preferences: defaultPreferences(),
      createdAt: now,
      updatedAt: now,
    })
    .onConflict('userId')
    .ignore()
    .execute('run');
}

/** Creates the profile of a newly registered user (a redelivery finds it already there). */
export async function createProfileForNewUser(
  em: EntityManager,
  event: EventEnvelope<'identity.user_registered'>,
): Promise<void> {
  const { userId, email } = event.data;
  if (await em.findOne(ErasedUser, { userId })) return; // registered, then deleted, delivered late
  await insertProfileIfMissing(em, userId, defaultDisplayName(email));
}

/** Stored preferences, completed with defaults for anything an older row lacks. */
export function readPreferences(stored: unknown): Preferences {
  const defaults = defaultPreferences();
  const value = (stored ?? {}) as Partial<Preferences>;
  return {
    locale: typeof value.locale === 'string' ? value.locale : defaults.locale,
    timezone: typeof value.timezone === 'string' ? value.timezone : defaults.timezone,
    notifications: { ...defaults.notifications, ...value.notifications },
  };
}

type ProfileField = 'firstName' | 'lastName' | 'displayName' | 'phone' | 'avatarUrl';
const PROFILE_FIELDS: ProfileField[] = ['firstName', 'lastName', 'displayName', 'phone', 'avatarUrl'];

/** How the profile reads now, as other domains receive it. */
function snapshotOf(profile: Profile) {
  const { locale, timezone, notifications } = readPreferences(profile.preferences);
  return { displayName: profile.displayName, locale, timezone, phone: profile.phone, notifications };
}

/**
 * Applies a partial update to the user's own profile, creating the profile if registration
 * has not reached accounts yet. The change and its `accounts.profile_updated` event (naming
 * the fields that changed, and the profile as it now reads) commit together; a change that changes nothing writes nothing.
 * A new `avatarUrl` (or null) replaces the avatar uploaded through media; the same URL again
 * keeps it.
 */
export async function updateProfile(em: EntityManager, userId: string, rawInput: unknown): Promise<Profile> {
  const input = validateInput(updateProfileInput, rawInput);
  return em.transactional(async (tx) => {
    await assertNotErased(tx, userId);
    const fallbackName =
      input.displayName ??
      ([input.firstName, input.lastName].filter(Boolean).join(' ').slice(0, 64) || 'user');
    await insertProfileIfMissing(tx, userId, fallbackName);
    // Locked, so concurrent updates of the same profile (and its JSON) apply one after the other.
    const profile = await tx.findOneOrFail(Profile, { userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });

    const changed: string[] = [];
    for (const field of PROFILE_FIELDS) {
      const value = input[field];
      if (value === undefined || profile[field] === value) continue;
      (profile as Record<ProfileField, string | null>)[field] = value;
      changed.push(field);
    }
    if (changed.includes('avatarUrl')) {
      // The user chose another image (or none): no longer the one uploaded through media, and
      // a media.avatar_changed from before this arriving late changes nothing.
      profile.avatarMediaId = null;
      profile.avatarChangedAt = new Date();
    }
    if (input.preferences) {
      const current = readPreferences(profile.preferences);
      const next: Preferences = { ...current, notifications: { ...current.notifications } };
      const { locale, timezone, notifications } = input.preferences;
      if (locale !== undefined && locale !== current.locale) {
        next.locale = locale;
        changed.push('preferences.locale');
      }
      if (timezone !== undefined && timezone !== current.timezone) {
        next.timezone = timezone;
        changed.push('preferences.timezone');
      }
      for (const channel of ['email', 'sms', 'marketing'] as const) {
        const value = notifications?.[channel];
        if (value !== undefined && value !== current.notifications[channel]) {
          next.notifications[channel] = value;
          changed.push(`preferences.notifications.${channel}`);
        }
      }
      if (changed.some((field) => field.startsWith('preferences.'))) profile.preferences = next;
    }

    if (changed.length > 0) {
      recordEvent(
        tx,
        createEvent('accounts.profile_updated', {
          actor: userId,
          subject: userId,
          data: { userId, fields: changed, profile: snapshotOf(profile) },
        }),
      );
    }
    return profile; // flushed by transactional(), with the event
  });
}
