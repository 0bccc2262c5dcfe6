import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A signed-in device: the family of refresh tokens issued since one login. */
export class Session {
  [OptionalProps]?: 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'userAgent' | 'ip';
  id: string = randomUUID();
  userId!: string;
  createdAt: Date = new Date();
  lastUsedAt: Date = new Date();
  expiresAt!: Date;
  revokedAt: Date | null = null;
  userAgent: string | null = null;
  ip: string | null = null;
}

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'session',
  indexes: [{ properties: ['userId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    createdAt: { type: 'datetime' },
    lastUsedAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
    revokedAt: { type: 'datetime', nullable: true },
    userAgent: { type: 'string', length: 512, nullable: true },
    ip: { type: 'string', length: 64, nullable: true },
  },
});
