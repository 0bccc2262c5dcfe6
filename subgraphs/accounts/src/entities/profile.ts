import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** Notification choices per channel. */
export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  marketing: boolean;
}

/** Stored as validated JSON (jsonb) in `profile.preferences`. */
export interface Preferences {
  locale: string;
  timezone: string;
  notifications: NotificationPreferences;
}

/** What a profile's preferences are until the user changes them. */
export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  locale: 'en-GB',
  timezone: 'UTC',
  notifications: Object.freeze({ email: true, sms: false, marketing: false }),
});

export const defaultPreferences = (): Preferences => ({
  ...DEFAULT_PREFERENCES,
  notifications: { ...DEFAULT_PREFERENCES.notifications },
});

/** A user's profile, keyed by the identity user id (no foreign key across schemas). */
export class Profile {
  [OptionalProps]?:
    | 'firstName'
    | 'lastName'
    | 'phone'
    | 'avatarUrl'
    | 'avatarMediaId'
    | 'avatarChangedAt'
    | 'preferences'
    | 'createdAt'
    | 'updatedAt';
  userId!: string;
  firstName: string | null = null;
  lastName: string | null = null;
  displayName!: string;
  /** E.164, e.g. `+447700900123`. */
  phone: string | null = null;
  /** The avatar's address: one the user typed (https), or the public URL of `avatarMediaId`. */
  avatarUrl: string | null = null;
  /**
   * The avatar uploaded through media (`media.avatar_changed`); null when none, or when
   * `avatarUrl` is an address the user typed.
   */
  avatarMediaId: string | null = null;
  /**
   * When the avatar last changed (the applied `media.avatar_changed`'s `occurredAt`, or the
   * user's own `updateProfile`): an older event arriving later changes nothing.
   */
  avatarChangedAt: Date | null = null;
  preferences: Preferences = defaultPreferences();
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const ProfileSchema = new EntitySchema<Profile>({
  class: Profile,
  tableName: 'profile',
  properties: {
    userId: { type: 'uuid', primary: true },
    firstName: { type: 'string', length: 100, nullable: true },
    lastName: { type: 'string', length: 100, nullable: true },
    displayName: { type: 'string', length: 64 },
    phone: { type: 'string', length: 16, nullable: true },
    avatarUrl: { type: 'string', length: 2048, nullable: true },
    avatarMediaId: { type: 'uuid', nullable: true },
    avatarChangedAt: { type: 'datetime', nullable: true },
    // The default fills rows that existed before preferences did.
    preferences: { type: 'json', defaultRaw: `'${JSON.stringify(DEFAULT_PREFERENCES)}'::jsonb` },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime', onUpdate: () => new Date() },
  },
});
