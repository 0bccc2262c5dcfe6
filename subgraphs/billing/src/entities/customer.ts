import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A user's Stripe customer, created on their first billing action, and the card on file. */
export class BillingCustomer {
  [OptionalProps]?:
    'createdAt' | 'cardBrand' | 'cardLast4' | 'cardExpMonth' | 'cardExpYear' | 'paymentMethodId';
  userId!: string;
  stripeCustomerId!: string;
  paymentMethodId: string | null = null;
  cardBrand: string | null = null;
  cardLast4: string | null = null;
  cardExpMonth: number | null = null;
  cardExpYear: number | null = null;
  createdAt: Date = new Date();
}

export const BillingCustomerSchema = new EntitySchema<BillingCustomer>({
  class: BillingCustomer,
  tableName: 'customer',
  properties: {
    userId: { type: 'uuid', primary: true },
    stripeCustomerId: { type: 'string', length: 255, unique: true },
    paymentMethodId: { type: 'string', length: 255, nullable: true },
    cardBrand: { type: 'string', length: 32, nullable: true },
    cardLast4: { type: 'string', length: 4, nullable: true },
    cardExpMonth: { type: 'smallint', nullable: true },
    cardExpYear: { type: 'smallint', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
