import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { validateInput } from '@lattice/server-kit';
import { z } from 'zod';
import { UserAccount } from '../entities';
import { atLeast } from './at-least';
import { newPasswordInput } from './credentials';
import { hashPassword } from './passwords';
import { revokeSessions } from './sessions';
import { consumeOneTimeToken, issueOneTimeToken, secondsSinceLastToken } from './tokens';

const RESET_TTL_MS = 3600_000;
const RESET_INTERVAL_SECONDS = 60;

// Issuing a token (a transaction, an outbox row) takes ~20 ms more than finding no account;
// every answer waits for this floor, far above both, so timing does not tell them apart.
const REQUEST_FLOOR_MS = 250;

const requestInput = z.object({ email: z.string().max(254, 'must be at most 254 characters') });

/**
 * Issues a reset token for an active account with this email (at most one a minute). The
 * caller answers the same whatever happened here, and no sooner than REQUEST_FLOOR_MS, so
 * neither the answer nor its timing reveals whether the account exists.
 */
export async function requestPasswordReset(em: EntityManager, input: unknown): Promise<void> {
  const email = validateInput(requestInput, input, '').email.trim().toLowerCase();
  await atLeast(REQUEST_FLOOR_MS, () => issueReset(em, email));
}

async function issueReset(em: EntityManager, email: string): Promise<void> {
  const user = await em.findOne(UserAccount, { email, status: 'active' });
  if (!user) return;
  const since = await secondsSinceLastToken(em, user.id, 'reset_password');
  if (since !== undefined && since < RESET_INTERVAL_SECONDS) return;
  const { token, expiresAt } = issueOneTimeToken(em, user.id, 'reset_password', RESET_TTL_MS);
  recordEvent(
    em,
    createEvent('identity.password_reset_requested', {
      actor: null,
      subject: user.id,
      data: { userId: user.id, email, token, expiresAt: expiresAt.toISOString() },
    }),
  );
  await em.flush();
}

const resetInput = z.object({
  token: z.string().min(1, 'is required').max(128, 'is not a valid token'),
  newPassword: newPasswordInput,
});

/** Sets a new password with a reset token; every session of the account ends. */
export async function resetPassword(em: EntityManager, input: unknown): Promise<void> {
  const { token, newPassword } = validateInput(resetInput, input, '');
  const passwordHash = await hashPassword(newPassword);
  await em.transactional(async (tx) => {
    const userId = await consumeOneTimeToken(tx, token, 'reset_password');
    const user = await tx.findOneOrFail(UserAccount, { id: userId });
    user.passwordHash = passwordHash;
    await revokeSessions(tx, userId);
    recordEvent(
      tx,
      createEvent('identity.password_changed', {
        actor: userId,
        subject: userId,
        data: { userId, via: 'reset' },
      }),
    );
  });
}
