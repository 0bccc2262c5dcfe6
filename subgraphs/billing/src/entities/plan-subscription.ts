import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'incomplete' | 'paused' | 'canceled';

/**
 * A user's subscription to a paid plan, mirroring Stripe's. One live subscription per user;
 * ended ones stay as history.
 */
export class PlanSubscription {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'updatedAt'
    | 'trialEnd'
    | 'cancelAtPeriodEnd'
    | 'canceledAt'
    | 'paused'
    | 'scheduledPlan'
    | 'live';
  id: string = randomUUID();
  userId!: string;
  stripeSubscriptionId!: string;
  plan!: string;
  interval!: 'month' | 'year';
  status!: SubscriptionStatus;
  /** Whether it is the user's current subscription (not ended): at most one per user. */
  live: boolean = true;
  currentPeriodStart!: Date;
  currentPeriodEnd!: Date;
  trialEnd: Date | null = null;
  cancelAtPeriodEnd: boolean = false;
  canceledAt: Date | null = null;
  paused: boolean = false;
  /** A downgrade that applies when the current period ends. */
  scheduledPlan: string | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const PlanSubscriptionSchema = new EntitySchema<PlanSubscription>({
  class: PlanSubscription,
  tableName: 'plan_subscription',
  indexes: [
    { properties: ['userId', 'createdAt'] },
    // At most one live subscription per user, whatever races subscribeToPlan.
    {
      name: 'plan_subscription_one_live_per_user',
      expression:
        'create unique index "plan_subscription_one_live_per_user" on "billing"."plan_subscription" ("user_id") where "live"',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    stripeSubscriptionId: { type: 'string', length: 255, unique: true },
    plan: { type: 'string', length: 64 },
    interval: { type: 'string', length: 8 },
    status: { type: 'string', length: 32 },
    live: { type: 'boolean' },
    currentPeriodStart: { type: 'datetime' },
    currentPeriodEnd: { type: 'datetime' },
    trialEnd: { type: 'datetime', nullable: true },
    cancelAtPeriodEnd: { type: 'boolean' },
    canceledAt: { type: 'datetime', nullable: true },
    paused: { type: 'boolean' },
    scheduledPlan: { type: 'string', length: 64, nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
