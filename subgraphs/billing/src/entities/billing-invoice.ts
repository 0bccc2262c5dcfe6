import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** An invoice Stripe issued for a user's plan subscription. */
export class BillingInvoice {
  [OptionalProps]?: 'id' | 'number' | 'hostedInvoiceUrl' | 'pdfUrl' | 'periodStart' | 'periodEnd' | 'reason';
  id: string = randomUUID();
  userId!: string;
  stripeInvoiceId!: string;
  number: string | null = null;
  status!: string;
  amountDue!: number;
  amountPaid!: number;
  currency!: string;
  hostedInvoiceUrl: string | null = null;
  pdfUrl: string | null = null;
  periodStart: Date | null = null;
  periodEnd: Date | null = null;
  reason: string | null = null;
  /** Stripe's creation time. */
  createdAt!: Date;
}

export const BillingInvoiceSchema = new EntitySchema<BillingInvoice>({
  class: BillingInvoice,
  tableName: 'billing_invoice',
  indexes: [{ properties: ['userId', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    stripeInvoiceId: { type: 'string', length: 255, unique: true },
    number: { type: 'string', length: 64, nullable: true },
    status: { type: 'string', length: 32 },
    amountDue: { type: 'integer' },
    amountPaid: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    hostedInvoiceUrl: { type: 'string', length: 1000, nullable: true },
    pdfUrl: { type: 'string', length: 1000, nullable: true },
    periodStart: { type: 'datetime', nullable: true },
    periodEnd: { type: 'datetime', nullable: true },
    reason: { type: 'string', length: 64, nullable: true },
    createdAt: { type: 'datetime' },
  },
});
