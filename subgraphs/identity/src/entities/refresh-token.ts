import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A refresh token, stored only as its SHA-256 hash. */
export class RefreshToken {
  [OptionalProps]?: 'createdAt' | 'usedAt';
  tokenHash!: string;
  sessionId!: string;
  createdAt: Date = new Date();
  expiresAt!: Date;
  /** Set when the token was exchanged; a second use reveals theft. */
  usedAt: Date | null = null;
}

export const RefreshTokenSchema = new EntitySchema<RefreshToken>({
  class: RefreshToken,
  tableName: 'refresh_token',
  indexes: [{ properties: ['sessionId'] }],
  properties: {
    tokenHash: { type: 'string', length: 64, primary: true },
    sessionId: { type: 'uuid' },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
    usedAt: { type: 'datetime', nullable: true },
  },
});
