import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData } from '@lattice/events';
import { Delivery, Notification, Preference, Recipient } from '../entities';

/** identity.user_registered: where to write to. */
export async function rememberEmail(
  em: EntityManager,
  { userId, email }: EventData<'identity.user_registered'>,
) {
  await em
    .createQueryBuilder(Recipient)
    .insert({ userId, email, updatedAt: new Date() })
    .onConflict('user_id')
    .merge(['email', 'updatedAt'])
    .execute();
}

/** accounts.profile_updated: how to greet them, in which language and time zone, on which channels. */
export async function rememberProfile(
  em: EntityManager,
  { userId, profile }: EventData<'accounts.profile_updated'>,
) {
  const fields = {
    displayName: profile.displayName,
    locale: profile.locale,
    timezone: profile.timezone,
    phone: profile.phone,
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

/** identity.user_deleted: nothing about them stays; what was still to be sent is not sent. */
export async function forget(em: EntityManager, { userId }: EventData<'identity.user_deleted'>) {
  await em.nativeDelete(Recipient, { userId });
  await em.nativeDelete(Preference, { userId });
  await em.nativeDelete(Notification, { userId });
  await em.nativeUpdate(
    Delivery,
    { userId, status: { $in: ['queued', 'sending'] } },
    { status: 'failed', lastError: 'account deleted' },
  );
  await em.nativeUpdate(Delivery, { userId }, { address: '', text: '', html: null, subject: '' });
}

/** A user as notifications knows one: by id (identity owns the rest). */
export interface UserReference {
  id: string;
}
