import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * Revenue of one UTC day in one currency from one plan (null: payments for no plan), kept
 * up to date with each payment and refund. Amounts are bigints in the currency's minor unit,
 * read through SQL as strings; `net` is `gross - refunds`.
 */
export class DailyRevenue {
  id!: string;
  day!: string;
  currency!: string;
  plan!: string | null;
  gross!: string;
  refunds!: string;
  net!: string;
}

export const DailyRevenueSchema = new EntitySchema<DailyRevenue>({
  class: DailyRevenue,
  tableName: 'daily_revenue',
  properties: {
    // A surrogate key: `plan` may be null, which a primary key cannot hold.
    id: { type: 'bigint', primary: true, autoincrement: true },
    day: { type: 'date' },
    currency: { type: 'string', length: 3 },
    plan: { type: 'string', length: 100, nullable: true },
    gross: { type: 'bigint' },
    refunds: { type: 'bigint' },
    net: { type: 'bigint' },
  },
  uniques: [
    {
      // One row per (day, currency, plan), the null plan included: what upserts conflict on.
      name: 'daily_revenue_day_currency_plan_unique',
      expression:
        'create unique index "daily_revenue_day_currency_plan_unique" on "analytics"."daily_revenue" ("day", "currency", "plan") nulls not distinct',
    },
  ],
});
