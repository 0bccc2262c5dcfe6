import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createLocalJWKSet,
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type Role } from '@lattice/server-kit';
import { SigningKey } from '../entities';

export interface AccessTokenClaims {
  userId: string;
  role: Role;
  sessionId: string;
}

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

interface LoadedKeys {
  signing: { kid: string; key: CryptoKey };
  published: JWK[];
  verify: JWTVerifyGetKey;
}

/**
 * The identity's signing keys: the newest active key signs; every key whose tokens may
 * still be valid is published in the JWKS. Keys live in the database, so every replica
 * signs with the same key (each reloads them periodically) and a restart keeps them.
 */
export class KeyStore {
  private constructor(
    private keys: LoadedKeys,
    private readonly accessTokenTtlSeconds: number,
  ) {}

  static async load(em: EntityManager, accessTokenTtlSeconds: number): Promise<KeyStore> {
    if ((await em.count(SigningKey, { retiredAt: null })) === 0) await createKey(em);
    return new KeyStore(await loadKeys(em), accessTokenTtlSeconds);
  }

  /** Picks up keys rotated by another replica. */
  async reload(em: EntityManager): Promise<void> {
    this.keys = await loadKeys(em);
  }

  /**
   * Starts signing with a new key. The old keys stay published for one token lifetime
   * (plus a minute of clock skew), so tokens they signed keep verifying until they expire.
   */
  async rotate(em: EntityManager): Promise<void> {
    const publishedUntil = new Date(Date.now() + (this.accessTokenTtlSeconds + 60) * 1000);
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(SigningKey, { retiredAt: null }, { retiredAt: publishedUntil });
      await createKey(tx);
    });
    await this.reload(em);
  }

  /** The JSON Web Key Set served at /.well-known/jwks.json. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.published };
  }

  /** Verification keys for checking tokens in-process, following rotations. */
  readonly verificationKeys: JWTVerifyGetKey = (header, token) => this.keys.verify(header, token);

  async sign(claims: AccessTokenClaims): Promise<SignedAccessToken> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + this.accessTokenTtlSeconds;
    const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keys.signing.kid, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.keys.signing.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}

async function loadKeys(em: EntityManager): Promise<LoadedKeys> {
  const keys = await em.find(
    SigningKey,
    { $or: [{ retiredAt: null }, { retiredAt: { $gt: new Date() } }] },
    { orderBy: { createdAt: 'desc' }, populate: ['privateJwk'] },
  );
  const newest = keys.find((key) => key.retiredAt === null) ?? keys[0];
  if (!newest) throw new Error('No signing key available');
  const published = keys.map((k) => ({ ...(k.publicJwk as JWK), kid: k.kid, alg: 'EdDSA', use: 'sig' }));
  return {
    signing: { kid: newest.kid, key: (await importJWK(newest.privateJwk as JWK, 'EdDSA')) as CryptoKey },
    published,
    verify: createLocalJWKSet({ keys: published }),
  };
}

async function createKey(em: EntityManager): Promise<void> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
  em.create(SigningKey, {
    kid: randomUUID(),
    publicJwk: { ...(await exportJWK(publicKey)) },
    privateJwk: { ...(await exportJWK(privateKey)) },
  });
  // Two replicas starting at once may both create a key; both are valid and published.
  await em.flush();
}
