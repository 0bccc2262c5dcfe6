import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import { OneTimeToken, type TokenPurpose } from '../entities';

/** Secrets are stored only as SHA-256: a database leak yields no usable token. */
export const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const newSecret = () => randomBytes(32).toString('base64url');

/** Creates a single-use token in the caller's unit of work; returns the secret to send. */
export function issueOneTimeToken(em: EntityManager, userId: string, purpose: TokenPurpose, ttlMs: number) {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + ttlMs);
  em.create(OneTimeToken, { tokenHash: sha256(token), purpose, userId, expiresAt });
  return { token, expiresAt };
}

/**
 * Marks a single-use token used and returns its user id. The update is conditional, so of
 * two concurrent uses only one succeeds.
 */
export async function consumeOneTimeToken(
  em: EntityManager,
  token: string,
  purpose: TokenPurpose,
  field = 'token',
): Promise<string> {
  const invalid = () => badUserInput(`${field}: invalid, expired or already used`, field);
  if (token.length > 128) throw invalid();
  const row = await em.findOne(OneTimeToken, { tokenHash: sha256(token), purpose });
  if (!row || row.usedAt || row.expiresAt <= new Date()) throw invalid();
  const claimed = await em.nativeUpdate(
    OneTimeToken,
    { tokenHash: row.tokenHash, usedAt: null },
    { usedAt: new Date() },
  );
  if (claimed !== 1) throw invalid();
  return row.userId;
}

/** Seconds since the newest token of this purpose was issued to the user, or undefined. */
export async function secondsSinceLastToken(em: EntityManager, userId: string, purpose: TokenPurpose) {
  const last = await em.findOne(OneTimeToken, { userId, purpose }, { orderBy: { createdAt: 'desc' } });
  return last ? (Date.now() - last.createdAt.getTime()) / 1000 : undefined;
}
