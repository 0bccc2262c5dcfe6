import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData } from '@lattice/events';
import { Delivery, ErasedUser, Notification, Preference, Recipient } from '../entities';

/** Whether the user was deleted: nothing about them is kept or sent any more. */
export async function isErased(em: EntityManager, userId: string): Promise<boolean> {
  return (await em.count(ErasedUser, { userId })) > 0;
}

/** identity.user_registered: where to write to. */
export async function rememberEmail(
  em: EntityManager,
  { userId, email }: EventData<'identity.user_registered'>,
) {
  if (await isErased(em, userId)) return;
  await em
    .createQueryBuilder(Recipient)
    .insert({ userId, email, updatedAt: new Date() })
    .onConflict('user_id')
    .merge(['email', 'updatedAt'])
    .execute();
}

const E164 = /^\+[1-9]\d{6,14}$/;
/** `value` when it fits its column, else undefined. */
const fitting = (value: string | null | undefined, max: number) =>
  value && value.length <= max ? value : undefined;

/**
 * accounts.profile_updated: how to greet them, in which language and time zone, on which
 * channels. A value that does not fit its column is clipped or left out, so one odd profile
 * cannot fail the event and everything behind it.
 */
export async function rememberProfile(
  em: EntityManager,
  { userId, profile }: EventData<'accounts.profile_updated'>,
) {
  if (await isErased(em, userId)) return;
  const fields = {
    displayName: [...(profile.displayName ?? '')].slice(0, 100).join('') || null,
    locale: fitting(profile.locale, 35) ?? 'en',
    timezone: fitting(profile.timezone, 64) ?? 'UTC',
    phone: profile.phone && E164.test(profile.phone) ? profile.phone : null,
    emailEnabled: profile.notifications.email,
    smsEnabled: profile.notifications.sms,
    marketingEnabled: profile.notifications.marketing,
    updatedAt: new Date(),
  };
  await em
    .createQueryBuilder(Recipient)
    .insert({ userId, email: null, ...fields })
    .onConflict('user_id')
    .merge(Object.keys(fields) as Array<keyof typeof fields>)
    .execute();
}

/**
 * identity.user_deleted: nothing about them stays but their id, so that what still arrives
 * for them is applied as nothing; what was still to be sent is not sent.
 */
export async function forget(em: EntityManager, { userId }: EventData<'identity.user_deleted'>) {
  await em
    .createQueryBuilder(ErasedUser)
    .insert({ userId, erasedAt: new Date() })
    .onConflict('user_id')
    .ignore()
    .execute('run');
  await em.nativeDelete(Recipient, { userId });
  await em.nativeDelete(Preference, { userId });
  await em.nativeDelete(Notification, { userId });
  await em.nativeUpdate(
    Delivery,
    { userId, status: { $in: ['queued', 'sending'] } },
    { status: 'failed', lastError: 'account deleted' },
  );
  await em.nativeUpdate(
    Delivery,
    { userId },
    { address: '', text: '', html: null, subject: '', headers: null },
  );
}

/** A user as notifications knows one: by id (identity owns the rest). */
export interface UserReference {
  id: string;
}
