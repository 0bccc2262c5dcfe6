import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

/** Money returned from a payment (a Stripe Refund). */
export class Refund {
  [OptionalProps]?: 'id' | 'createdAt';
  id: string = randomUUID();
  paymentId!: string;
  userId!: string;
  stripeRefundId!: string;
  amount!: number;
  currency!: string;
  reason!: RefundReason;
  status!: string;
  createdAt: Date = new Date();
}

export const RefundSchema = new EntitySchema<Refund>({
  class: Refund,
  tableName: 'refund',
  indexes: [{ properties: ['paymentId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    paymentId: { type: 'uuid' },
    userId: { type: 'uuid' },
    stripeRefundId: { type: 'string', length: 255, unique: true },
    amount: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    reason: { type: 'string', length: 32 },
    status: { type: 'string', length: 32 },
    createdAt: { type: 'datetime' },
  },
});
