import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type TokenPurpose = 'verify_email' | 'reset_password';

/** A single-use token sent by email (verification, password reset), stored as its hash. */
export class OneTimeToken {
  [OptionalProps]?: 'createdAt' | 'usedAt';
  tokenHash!: string;
  purpose!: TokenPurpose;
  userId!: string;
  createdAt: Date = new Date();
  expiresAt!: Date;
  usedAt: Date | null = null;
}

export const OneTimeTokenSchema = new EntitySchema<OneTimeToken>({
  class: OneTimeToken,
  tableName: 'one_time_token',
  indexes: [{ properties: ['userId', 'purpose', 'createdAt'] }],
  properties: {
    tokenHash: { type: 'string', length: 64, primary: true },
    purpose: { type: 'string', length: 32 },
    userId: { type: 'uuid' },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
    usedAt: { type: 'datetime', nullable: true },
  },
});
