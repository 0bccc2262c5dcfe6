import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * What one user has paid in one currency over their lifetime. Amounts are bigints in the
 * currency's minor unit, read through SQL as strings; `net` (`gross - refunded`, the lifetime
 * value) is kept for the ranking index. The payment times are null for a user whose refund
 * arrived before any payment.
 */
export class CustomerRevenue {
  userId!: string;
  currency!: string;
  gross!: string;
  refunded!: string;
  net!: string;
  firstPaidAt!: Date | null;
  lastPaidAt!: Date | null;
}

export const CustomerRevenueSchema = new EntitySchema<CustomerRevenue>({
  class: CustomerRevenue,
  tableName: 'customer_revenue',
  properties: {
    userId: { type: 'string', length: 64, primary: true },
    currency: { type: 'string', length: 3, primary: true },
    gross: { type: 'bigint' },
    refunded: { type: 'bigint' },
    net: { type: 'bigint' },
    firstPaidAt: { type: 'datetime', nullable: true },
    lastPaidAt: { type: 'datetime', nullable: true },
  },
  indexes: [
    {
      // Top customers of a currency: keyset pagination on (net desc, user_id asc).
      name: 'customer_revenue_ranking_index',
      expression:
        'create index "customer_revenue_ranking_index" on "analytics"."customer_revenue" ("currency", "net" desc, "user_id")',
    },
  ],
});
