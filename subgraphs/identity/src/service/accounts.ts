import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { conflict, unauthenticated, validateInput } from '@lattice/server-kit';
import { UserAccount } from '../entities';
import { loginInput, registerInput } from './credentials';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords';
import { type ClientInfo, type IssuedTokens, openSession } from './sessions';
import type { KeyStore } from './signing-keys';
import type { IdentitySettings } from './settings';

export interface AccountsDeps {
  em: EntityManager;
  keys: KeyStore;
  settings: IdentitySettings;
}

const EMAIL_TAKEN = 'An account with this email already exists';

/** Creates an account, its `identity.user_registered` event and a first session, atomically. */
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
  const tokens = await openSession(em, user, deps.keys, deps.settings, client);
  try {
    await em.flush();
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw conflict(EMAIL_TAKEN, 'input.email');
    throw error;
  }
  return tokens;
}

const INVALID_CREDENTIALS = 'Invalid email or password';

/** Signs in with email and password; the same error for an unknown email and a wrong password. */
export async function login(deps: AccountsDeps, input: unknown, client: ClientInfo): Promise<IssuedTokens> {
  const { email, password } = validateInput(loginInput, input);
  const { em } = deps;
  const user = await em.findOne(UserAccount, { email });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!user || !valid) throw unauthenticated(INVALID_CREDENTIALS);
  if (user.status !== 'active') throw unauthenticated(INVALID_CREDENTIALS);

  user.lastLoginAt = new Date();
  const tokens = await openSession(em, user, deps.keys, deps.settings, client);
  await em.flush();
  return tokens;
}
