import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type CreditEntryKind =
  | 'purchase'
  | 'subscription_grant'
  | 'subscription_expiry'
  | 'admin_grant'
  | 'spend'
  | 'hold'
  | 'release'
  | 'capture';

/** One credit movement. Rows are only ever inserted. */
export class CreditLedgerEntry {
  [OptionalProps]?: 'id' | 'createdAt' | 'reason' | 'idempotencyKey';
  id: string = randomUUID();
  userId!: string;
  kind!: CreditEntryKind;
  amount!: number;
  balanceAfter!: number;
  reason: string | null = null;
  /** Unique per user: the same spend, purchase or grant is recorded once. */
  idempotencyKey: string | null = null;
  createdAt: Date = new Date();
}

export const CreditLedgerEntrySchema = new EntitySchema<CreditLedgerEntry>({
  class: CreditLedgerEntry,
  tableName: 'credit_ledger_entry',
  indexes: [{ properties: ['userId', 'createdAt', 'id'] }],
  uniques: [{ properties: ['userId', 'idempotencyKey'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    kind: { type: 'string', length: 32 },
    amount: { type: 'integer' },
    balanceAfter: { type: 'integer' },
    reason: { type: 'string', length: 200, nullable: true },
    idempotencyKey: { type: 'string', length: 255, nullable: true },
    createdAt: { type: 'datetime' },
  },
});
