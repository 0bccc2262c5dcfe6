import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { type Logger, notFound, unauthenticated } from '@lattice/server-kit';
import { type PageArgs, paginate } from '@lattice/subgraph-kit';
import { RefreshToken, Session, UserAccount } from '../entities';
import type { IdentitySettings } from './settings';
import type { KeyStore } from './signing-keys';
import { newSecret, sha256 } from './tokens';

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

export interface SessionDeps {
  em: EntityManager;
  keys: KeyStore;
  settings: IdentitySettings;
}

async function issue(deps: SessionDeps, user: UserAccount, session: Session): Promise<IssuedTokens> {
  const refreshToken = newSecret();
  deps.em.create(RefreshToken, {
    tokenHash: sha256(refreshToken),
    sessionId: session.id,
    expiresAt: session.expiresAt,
  });
  const access = await deps.keys.sign({ userId: user.id, role: user.role, sessionId: session.id });
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    sessionId: session.id,
    user,
  };
}

/**
 * Opens a session for a signed-in user: the session and its first refresh token (hashed)
 * go into the caller's unit of work, and an access token is signed for it.
 */
export function openSession(deps: SessionDeps, user: UserAccount, client: ClientInfo): Promise<IssuedTokens> {
  const session = deps.em.create(Session, {
    userId: user.id,
    expiresAt: new Date(Date.now() + deps.settings.refreshTokenTtlDays * 86_400_000),
    userAgent: client.userAgent?.slice(0, 512) ?? null,
    ip: client.ip?.slice(0, 64) ?? null,
  });
  return issue(deps, user, session);
}

const INVALID_REFRESH = 'Invalid or expired refresh token';

/**
 * Rotates a refresh token: the presented one is spent and a new one issued in the same
 * session. Presenting a spent token again means it was copied: the whole session ends.
 */
export async function refreshSession(
  deps: SessionDeps,
  refreshToken: string,
  log: Logger,
): Promise<IssuedTokens> {
  const { em } = deps;
  if (refreshToken.length > 128) throw unauthenticated(INVALID_REFRESH);
  const stored = await em.findOne(RefreshToken, { tokenHash: sha256(refreshToken) });
  const session = stored ? await em.findOne(Session, { id: stored.sessionId }) : null;
  if (!stored || !session || session.revokedAt || session.expiresAt <= new Date()) {
    throw unauthenticated(INVALID_REFRESH);
  }
  const spent = await em.nativeUpdate(
    RefreshToken,
    { tokenHash: stored.tokenHash, usedAt: null },
    { usedAt: new Date() },
  );
  if (spent !== 1) {
    session.revokedAt = new Date();
    recordEvent(
      em,
      createEvent('identity.security_alert', {
        actor: null,
        subject: session.userId,
        data: { userId: session.userId, kind: 'refresh_token_reuse', sessionId: session.id },
      }),
    );
    recordEvent(em, sessionRevoked(session.userId, session.id, null));
    await em.flush();
    log.warn({ userId: session.userId, sessionId: session.id }, 'refresh token reused: session revoked');
    throw unauthenticated('Refresh token already used: the session has been ended for safety');
  }
  const user = await em.findOne(UserAccount, { id: session.userId });
  if (!user || user.status !== 'active') throw unauthenticated(INVALID_REFRESH);
  session.lastUsedAt = new Date();
  const tokens = await issue(deps, user, session);
  await em.flush();
  return tokens;
}

function sessionRevoked(userId: string, sessionId: string, actor: string | null) {
  return createEvent('identity.session_revoked', { actor, subject: userId, data: { userId, sessionId } });
}

/** The caller's transaction if it has one, else one of its own: a revocation commits with its events. */
function inTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return em.isInTransaction() ? work(em) : em.fork().transactional(work);
}

/**
 * Ends the user's live sessions that `where` selects, and records `identity.session_revoked`
 * for each, on which gateways refuse their access tokens at once. Returns how many ended.
 */
function endSessions(
  em: EntityManager,
  userId: string,
  where: { id?: string | { $ne: string } },
  actor: string | null,
): Promise<number> {
  return inTransaction(em, async (tx) => {
    const ended: Array<{ id: string }> = await tx
      .createQueryBuilder(Session)
      .update({ revokedAt: new Date() })
      .where({ ...where, userId, revokedAt: null })
      .returning('id')
      .execute('all');
    for (const { id } of ended) recordEvent(tx, sessionRevoked(userId, id, actor));
    return ended.length;
  });
}

/** Ends sessions of a user (all of them, or all but one); returns how many ended. */
export function revokeSessions(
  em: EntityManager,
  userId: string,
  except?: string,
  actor: string | null = userId,
): Promise<number> {
  return endSessions(em, userId, except ? { id: { $ne: except } } : {}, actor);
}

/** Ends one session of a user; NOT_FOUND when it is not theirs or already ended. */
export async function revokeSession(em: EntityManager, userId: string, sessionId: string): Promise<void> {
  const ended = /^[0-9a-f-]{36}$/i.test(sessionId)
    ? await endSessions(em, userId, { id: sessionId }, userId)
    : 0;
  if (ended !== 1) throw notFound('No such session');
}

/** A user's live sessions, most recently used first. */
export function listSessions(em: EntityManager, userId: string, args: PageArgs) {
  return paginate(em, Session, { userId, revokedAt: null, expiresAt: { $gt: new Date() } }, args, {
    orderBy: ['lastUsedAt', 'id'],
    direction: 'desc',
  });
}
