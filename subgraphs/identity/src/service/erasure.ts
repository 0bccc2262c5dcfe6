import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, validateInput } from '@lattice/server-kit';
import { z } from 'zod';
import { OauthIdentity, OneTimeToken, UserAccount } from '../entities';
import { verifyPassword } from './passwords';
import { revokeSessions } from './sessions';

/**
 * Soft delete, GDPR style: personal data (email, password, provider links) is erased, the id is kept so
 * other domains' references stay valid, sessions end, and `identity.user_deleted` tells
 * every other domain to erase what it holds.
 */
export function eraseAccount(em: EntityManager, userId: string, actor: string): Promise<UserAccount> {
  return em.transactional(async (tx) => {
    const user = await tx.findOneOrFail(UserAccount, { id: userId });
    tx.assign(user, {
      email: `deleted-${user.id}@deleted.invalid`,
      passwordHash: '',
      status: 'deleted',
      emailVerified: false,
    });
    await revokeSessions(tx, user.id);
    await tx.nativeDelete(OneTimeToken, { userId: user.id });
    // Links to OpenID providers name the person too: a later sign-in starts a new account.
    await tx.nativeDelete(OauthIdentity, { userId: user.id });
    recordEvent(
      tx,
      createEvent('identity.user_deleted', { actor, subject: user.id, data: { userId: user.id } }),
    );
    return user;
  });
}

const deleteInput = z.object({
  password: z.string().min(1, 'is required').max(256, 'must be at most 256 characters'),
});

/** The caller deletes their own account, confirming with their password. */
export async function deleteOwnAccount(em: EntityManager, userId: string, input: unknown): Promise<void> {
  const { password } = validateInput(deleteInput, input, '');
  const user = await em.findOneOrFail(UserAccount, { id: userId });
  if (!(await verifyPassword(user.passwordHash, password)))
    throw badUserInput('password: incorrect', 'password');
  await eraseAccount(em, userId, userId);
}
