import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import { unauthenticated } from '@lattice/server-kit';
import { BusinessContext, CommonService, ErasedUser, FrequentClient, Profile } from '../entities';

/**
 * `identity.user_deleted`: erases every piece of the user's personal data that accounts
 * holds and keeps only a tombstone (the id), inside the consumer's transaction. Applying it
 * twice changes nothing.
 */
export async function eraseUser(
  em: EntityManager,
  event: EventEnvelope<'identity.user_deleted'>,
): Promise<void> {
  const { userId } = event.data;
  await em.nativeDelete(FrequentClient, { userId });
  await em.nativeDelete(CommonService, { userId });
  await em.nativeDelete(BusinessContext, { userId });
  await em.nativeDelete(Profile, { userId });
  await em
    .createQueryBuilder(ErasedUser)
    .insert({ userId, erasedAt: new Date() })
    .onConflict('userId')
    .ignore()
    .execute('run');
}

/** An erased user may still hold an access token that has not expired: refuse its writes. */
export async function assertNotErased(em: EntityManager, userId: string): Promise<void> {
  if ((await em.count(ErasedUser, { userId })) > 0) throw unauthenticated('This account no longer exists');
}
