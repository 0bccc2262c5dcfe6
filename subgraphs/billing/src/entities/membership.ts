import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A membership package a user holds between two dates. */
export class Membership {
  [OptionalProps]?: 'id' | 'createdAt' | 'paymentId';
  id: string = randomUUID();
  userId!: string;
  type!: string;
  package!: string;
  startsAt!: Date;
  expiresAt!: Date;
  source!: 'purchase' | 'admin';
  /** The payment that bought it: one membership per payment. */
  paymentId: string | null = null;
  createdAt: Date = new Date();
}

export const MembershipSchema = new EntitySchema<Membership>({
  class: Membership,
  tableName: 'membership',
  indexes: [{ properties: ['userId', 'expiresAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    type: { type: 'string', length: 64 },
    package: { type: 'string', length: 64 },
    startsAt: { type: 'datetime' },
    expiresAt: { type: 'datetime' },
    source: { type: 'string', length: 16 },
    paymentId: { type: 'uuid', nullable: true, unique: true },
    createdAt: { type: 'datetime' },
  },
});
