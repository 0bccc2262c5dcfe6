import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RefreshToken, Session, type UserAccount } from '../entities';
import type { KeyStore } from './signing-keys';
import type { IdentitySettings } from './settings';

export interface ClientInfo {
  userAgent?: string;
  ip?: string;
}

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  sessionId: string;
  user: UserAccount;
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Opens a session for a signed-in user: persists the session and its first refresh token
 * (hashed) in the caller's unit of work and signs an access token for it.
 */
export async function openSession(
  em: EntityManager,
  user: UserAccount,
  keys: KeyStore,
  settings: IdentitySettings,
  client: ClientInfo,
): Promise<IssuedTokens> {
  const expiresAt = new Date(Date.now() + settings.refreshTokenTtlDays * 86_400_000);
  const session = em.create(Session, {
    userId: user.id,
    expiresAt,
    userAgent: client.userAgent?.slice(0, 512) ?? null,
    ip: client.ip?.slice(0, 64) ?? null,
  });
  const refreshToken = randomBytes(32).toString('base64url');
  em.create(RefreshToken, { tokenHash: hashRefreshToken(refreshToken), sessionId: session.id, expiresAt });
  const access = await keys.sign({ userId: user.id, role: user.role, sessionId: session.id });
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    sessionId: session.id,
    user,
  };
}
