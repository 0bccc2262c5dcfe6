import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type PaymentPurpose = 'credits' | 'membership' | 'subscription' | 'other';
export type PaymentStatus =
  'requires_payment_method' | 'requires_confirmation' | 'processing' | 'succeeded' | 'failed' | 'canceled';

/** A Stripe PaymentIntent of one user, and what it pays for. */
export class Payment {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'amountRefunded'
    | 'description'
    | 'declineCode'
    | 'failureMessage'
    | 'succeededAt'
    | 'fulfilledAt'
    | 'creditPack'
    | 'membershipPackage'
    | 'plan'
    | 'clientSecret'
    | 'idempotencyKey'
    | 'promoCodeId';
  id: string = randomUUID();
  userId!: string;
  stripePaymentIntentId!: string;
  /** Minor units. */
  amount!: number;
  currency!: string;
  purpose!: PaymentPurpose;
  status!: PaymentStatus;
  amountRefunded: number = 0;
  description: string | null = null;
  clientSecret: string | null = null;
  declineCode: string | null = null;
  failureMessage: string | null = null;
  creditPack: string | null = null;
  membershipPackage: string | null = null;
  plan: string | null = null;
  promoCodeId: string | null = null;
  /** The client's key for the creating mutation: a retry returns this payment. */
  idempotencyKey: string | null = null;
  createdAt: Date = new Date();
  succeededAt: Date | null = null;
  /** When what it paid for (credits, a membership) was delivered: once. */
  fulfilledAt: Date | null = null;
}

export const PaymentSchema = new EntitySchema<Payment>({
  class: Payment,
  tableName: 'payment',
  indexes: [{ properties: ['userId', 'createdAt', 'id'] }, { properties: ['createdAt'] }],
  uniques: [{ properties: ['userId', 'idempotencyKey'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    stripePaymentIntentId: { type: 'string', length: 255, unique: true },
    amount: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    purpose: { type: 'string', length: 16 },
    status: { type: 'string', length: 32 },
    amountRefunded: { type: 'integer' },
    description: { type: 'string', length: 500, nullable: true },
    clientSecret: { type: 'string', length: 255, nullable: true },
    declineCode: { type: 'string', length: 64, nullable: true },
    failureMessage: { type: 'string', length: 500, nullable: true },
    creditPack: { type: 'string', length: 64, nullable: true },
    membershipPackage: { type: 'string', length: 64, nullable: true },
    plan: { type: 'string', length: 64, nullable: true },
    promoCodeId: { type: 'uuid', nullable: true },
    idempotencyKey: { type: 'string', length: 255, nullable: true },
    createdAt: { type: 'datetime' },
    succeededAt: { type: 'datetime', nullable: true },
    fulfilledAt: { type: 'datetime', nullable: true },
  },
});
