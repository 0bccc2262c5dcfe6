import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * A payment or refund counted in revenue, once per billing id: a payment billing publishes
 * twice is counted once, and a refund finds the plan of the payment it returns.
 */
export class RevenueEntry {
  kind!: 'payment' | 'refund';
  /** Billing's payment or refund id. */
  id!: string;
  /** The payment (itself for a payment; the refunded one for a refund). */
  paymentId!: string;
  userId!: string;
  currency!: string;
  /** The plan a payment was for (a refund's: its payment's, when known). */
  plan!: string | null;
  /** In the currency's minor unit; a bigint, read through SQL as a string. */
  amount!: string;
  occurredAt!: Date;
}

export const RevenueEntrySchema = new EntitySchema<RevenueEntry>({
  class: RevenueEntry,
  tableName: 'revenue_entry',
  properties: {
    kind: { type: 'string', length: 16, primary: true },
    id: { type: 'string', length: 255, primary: true },
    paymentId: { type: 'string', length: 255 },
    userId: { type: 'string', length: 64 },
    currency: { type: 'string', length: 3 },
    plan: { type: 'string', length: 100, nullable: true },
    amount: { type: 'bigint' },
    occurredAt: { type: 'datetime' },
  },
});
