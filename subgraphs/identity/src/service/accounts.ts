import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, conflict, forbidden, unauthenticated, validateInput } from '@lattice/server-kit';
import { z } from 'zod';
import { UserAccount } from '../entities';
import { loginInput, newPasswordInput, registerInput } from './credentials';
import type { LoginThrottle } from './login-throttle';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords';
import {
  type ClientInfo,
  type IssuedTokens,
  openSession,
  revokeSessions,
  type SessionDeps,
} from './sessions';
import { requestVerification } from './verification';

export interface AccountsDeps extends SessionDeps {
  throttle: LoginThrottle;
}

const EMAIL_TAKEN = 'An account with this email already exists';
const INVALID_CREDENTIALS = 'Invalid email or password';

/** Creates an account, its events and a first session, in one transaction. */
export async function register(
  deps: AccountsDeps,
  input: unknown,
  client: ClientInfo,
): Promise<IssuedTokens> {
  const { email, password } = validateInput(registerInput, input);
  const { em } = deps;
  if ((await em.count(UserAccount, { email })) > 0) throw conflict(EMAIL_TAKEN, 'input.email');

  const user = em.create(UserAccount, { email, passwordHash: await hashPassword(password) });
  recordEvent(
    em,
    createEvent('identity.user_registered', {
      actor: user.id,
      subject: user.id,
      data: { userId: user.id, email, role: user.role },
    }),
  );
  requestVerification(em, user);
  const tokens = await openSession(deps, user, client);
  try {
    await em.flush();
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw conflict(EMAIL_TAKEN, 'input.email');
    throw error;
  }
  return tokens;
}

/**
 * Signs in with email and password. Unknown email and wrong password get the same answer
 * in the same time; repeated failures per account and address, and per address, are throttled.
 */
export async function login(deps: AccountsDeps, input: unknown, client: ClientInfo): Promise<IssuedTokens> {
  const { email, password } = validateInput(loginInput, input);
  const { em, throttle } = deps;
  const attempt = await throttle.begin(email, client.ip);
  const user = await em.findOne(UserAccount, { email, status: { $ne: 'deleted' } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!user || !valid) throw unauthenticated(INVALID_CREDENTIALS);
  await attempt.succeeded();
  // Only someone who knows the password learns the account is not active.
  if (user.status !== 'active') throw forbidden(`This account is ${user.status}`);

  user.lastLoginAt = new Date();
  const tokens = await openSession(deps, user, client);
  recordEvent(
    em,
    createEvent('identity.user_logged_in', {
      actor: user.id,
      subject: user.id,
      data: { userId: user.id, sessionId: tokens.sessionId, method: 'password' },
    }),
  );
  await em.flush();
  return tokens;
}

const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'is required').max(256, 'must be at most 256 characters'),
  newPassword: newPasswordInput,
});

/** Changes the caller's password after checking the current one; their other sessions end. */
export async function changePassword(
  em: EntityManager,
  userId: string,
  sessionId: string,
  input: unknown,
): Promise<void> {
  const { currentPassword, newPassword } = validateInput(changePasswordInput, input, '');
  await em.transactional(async (tx) => {
    const user = await tx.findOneOrFail(UserAccount, { id: userId });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw badUserInput('currentPassword: incorrect', 'currentPassword');
    }
    user.passwordHash = await hashPassword(newPassword);
    recordEvent(
      tx,
      createEvent('identity.password_changed', {
        actor: userId,
        subject: userId,
        data: { userId, via: 'change' },
      }),
    );
    await revokeSessions(tx, userId, sessionId);
  });
}
