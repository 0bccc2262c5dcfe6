import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createLocalJWKSet,
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
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

/**
 * The identity's signing keys: the newest active key signs, every non-retired key is
 * published in the JWKS. A key is generated and stored on first start.
 */
export class KeyStore {
  private constructor(
    private readonly signingKey: { kid: string; key: CryptoKey },
    private readonly publicKeys: JWK[],
    private readonly accessTokenTtlSeconds: number,
  ) {}

  static async load(em: EntityManager, accessTokenTtlSeconds: number): Promise<KeyStore> {
    await ensureActiveKey(em);
    const keys = await em.find(
      SigningKey,
      { retiredAt: null },
      { orderBy: { createdAt: 'desc' }, populate: ['privateJwk'] },
    );
    const newest = keys[0]!;
    const key = (await importJWK(newest.privateJwk as JWK, 'EdDSA')) as CryptoKey;
    const publicKeys = keys.map((k) => ({ ...(k.publicJwk as JWK), kid: k.kid, alg: 'EdDSA', use: 'sig' }));
    return new KeyStore({ kid: newest.kid, key }, publicKeys, accessTokenTtlSeconds);
  }

  /** The JSON Web Key Set document served at /.well-known/jwks.json. */
  jwks(): { keys: JWK[] } {
    return { keys: this.publicKeys };
  }

  /** Verification keys, for checking tokens in-process without an HTTP round trip. */
  localKeySet() {
    return createLocalJWKSet(this.jwks());
  }

  async sign(claims: AccessTokenClaims): Promise<SignedAccessToken> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + this.accessTokenTtlSeconds;
    const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.signingKey.kid, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.signingKey.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}

async function ensureActiveKey(em: EntityManager): Promise<void> {
  if ((await em.count(SigningKey, { retiredAt: null })) > 0) return;
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
  const key = em.create(SigningKey, {
    kid: randomUUID(),
    publicJwk: { ...(await exportJWK(publicKey)) },
    privateJwk: { ...(await exportJWK(privateKey)) },
  });
  // Two replicas starting at once may both generate a key; both are valid and published.
  await em.persistAndFlush(key);
}
