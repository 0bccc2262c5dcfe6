import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** An Ed25519 key pair that signs access tokens; its public half is published as JWKS. */
export class SigningKey {
  [OptionalProps]?: 'algorithm' | 'createdAt' | 'retiredAt';
  kid!: string;
  algorithm = 'EdDSA';
  publicJwk!: Record<string, unknown>;
  privateJwk!: Record<string, unknown>;
  createdAt: Date = new Date();
  retiredAt: Date | null = null;
}

export const SigningKeySchema = new EntitySchema<SigningKey>({
  class: SigningKey,
  tableName: 'signing_key',
  properties: {
    kid: { type: 'string', length: 64, primary: true },
    algorithm: { type: 'string', length: 16 },
    publicJwk: { type: 'json' },
    privateJwk: { type: 'json', lazy: true },
    createdAt: { type: 'datetime' },
    retiredAt: { type: 'datetime', nullable: true },
  },
});
