import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { rateLimited, validateInput } from '@lattice/server-kit';
import { z } from 'zod';
import { UserAccount } from '../entities';
import { consumeOneTimeToken, issueOneTimeToken, secondsSinceLastToken } from './tokens';

const VERIFICATION_TTL_MS = 24 * 3600_000;
const RESEND_INTERVAL_SECONDS = 60;

/**
 * Issues a verification token and the event a mail is sent from (notifications delivers
 * it), in the caller's unit of work.
 */
export function requestVerification(em: EntityManager, user: UserAccount): void {
  const { token, expiresAt } = issueOneTimeToken(em, user.id, 'verify_email', VERIFICATION_TTL_MS);
  recordEvent(
    em,
    createEvent('identity.email_verification_requested', {
      actor: user.id,
      subject: user.id,
      data: { userId: user.id, email: user.email, token, expiresAt: expiresAt.toISOString() },
    }),
  );
}

/** Sends a new verification mail, at most one a minute; false when already verified. */
export async function resendVerification(em: EntityManager, userId: string): Promise<boolean> {
  const user = await em.findOneOrFail(UserAccount, { id: userId });
  if (user.emailVerified) return false;
  const since = await secondsSinceLastToken(em, userId, 'verify_email');
  if (since !== undefined && since < RESEND_INTERVAL_SECONDS) {
    throw rateLimited(Math.ceil(RESEND_INTERVAL_SECONDS - since));
  }
  requestVerification(em, user);
  await em.flush();
  return true;
}

const tokenInput = z.object({ token: z.string().min(1, 'is required').max(128, 'is not a valid token') });

/** Marks the token's account as verified. */
export async function verifyEmail(em: EntityManager, input: unknown): Promise<UserAccount> {
  const { token } = validateInput(tokenInput, input, '');
  return em.transactional(async (tx) => {
    const userId = await consumeOneTimeToken(tx, token, 'verify_email');
    const user = await tx.findOneOrFail(UserAccount, { id: userId });
    if (!user.emailVerified) {
      user.emailVerified = true;
      recordEvent(
        tx,
        createEvent('identity.email_verified', {
          actor: userId,
          subject: userId,
          data: { userId, email: user.email },
        }),
      );
    }
    return user;
  });
}
