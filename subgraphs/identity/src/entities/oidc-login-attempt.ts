import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * A started "sign in with an OpenID provider": what the callback must match (state, nonce)
 * and prove (the PKCE code verifier). Keyed by the SHA-256 of the state, used once, short-lived.
 */
export class OidcLoginAttempt {
  [OptionalProps]?: 'createdAt';
  stateHash!: string;
  provider!: string;
  nonce!: string;
  codeVerifier!: string;
  createdAt: Date = new Date();
  expiresAt!: Date;
}

export const OidcLoginAttemptSchema = new EntitySchema<OidcLoginAttempt>({
  class: OidcLoginAttempt,
  tableName: 'oidc_login_attempt',
  indexes: [{ properties: ['expiresAt'] }],
  properties: {
    stateHash: { type: 'string', length: 64, primary: true },
    provider: { type: 'string', length: 32 },
    nonce: { type: 'string', length: 128 },
    codeVerifier: { type: 'string', length: 128 },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
  },
});
