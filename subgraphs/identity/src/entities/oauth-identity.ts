import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** An account at an OpenID provider (its `sub`) linked to a Lattice account. */
export class OauthIdentity {
  [OptionalProps]?: 'id' | 'createdAt' | 'email';
  id: string = randomUUID();
  provider!: string;
  /** The provider's stable subject identifier (`sub` of its ID tokens). */
  subject!: string;
  userId!: string;
  /** The email the provider reported when the link was made. */
  email: string | null = null;
  createdAt: Date = new Date();
}

export const OauthIdentitySchema = new EntitySchema<OauthIdentity>({
  class: OauthIdentity,
  tableName: 'oauth_identity',
  uniques: [{ properties: ['provider', 'subject'] }],
  indexes: [{ properties: ['userId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    provider: { type: 'string', length: 32 },
    subject: { type: 'string', length: 255 },
    userId: { type: 'uuid' },
    email: { type: 'string', length: 254, nullable: true },
    createdAt: { type: 'datetime' },
  },
});
