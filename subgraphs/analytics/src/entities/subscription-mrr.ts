import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * Each user's plan subscription as the latest `billing.plan_changed` left it: what it brings
 * per month (0 when not paying). `changedAt` is that event's `occurredAt`; an older event
 * arriving later changes nothing.
 */
export class SubscriptionMrr {
  userId!: string;
  plan!: string;
  currency!: string;
  /** In the currency's minor unit; a bigint, read through SQL as a string. */
  monthlyAmount!: string;
  changedAt!: Date;
}

export const SubscriptionMrrSchema = new EntitySchema<SubscriptionMrr>({
  class: SubscriptionMrr,
  tableName: 'subscription_mrr',
  properties: {
    userId: { type: 'string', length: 64, primary: true },
    plan: { type: 'string', length: 100 },
    currency: { type: 'string', length: 3 },
    monthlyAmount: { type: 'bigint' },
    changedAt: { type: 'datetime' },
  },
});
