import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import { Profile } from '../entities';

const MAX_DISPLAY_NAME = 64;

/** The default display name: the email's local part. */
export function defaultDisplayName(email: string): string {
  const local = email.split('@')[0] ?? '';
  return (local || 'user').slice(0, MAX_DISPLAY_NAME);
}

/** Creates the profile of a newly registered user (a redelivery finds it already there). */
export async function createProfileForNewUser(
  em: EntityManager,
  event: EventEnvelope<'identity.user_registered'>,
): Promise<void> {
  const { userId, email } = event.data;
  if (await em.findOne(Profile, { userId })) return;
  em.create(Profile, { userId, displayName: defaultDisplayName(email) });
  await em.flush();
}
