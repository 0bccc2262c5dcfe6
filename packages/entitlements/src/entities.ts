import { BigIntType, EntitySchema, PrimaryKeyProp } from '@mikro-orm/postgresql';

// Counts and limits are PostgreSQL bigints (storage bytes pass 2^31) read as JS numbers:
// every value stays below Number.MAX_SAFE_INTEGER (2^53 - 1), which the meter checks.
const count = () => ({ type: new BigIntType('number') });

/**
 * What a user may spend in the current period: the latest `billing.entitlements_changed`,
 * projected into the metered domain's own schema so a check needs no call to billing.
 */
export class UsageAllowance {
  userId!: string;
  plan!: string;
  /** Usage counts from periodStart; the period ends (and counters reset) at periodEnd. */
  periodStart!: Date;
  periodEnd!: Date;
  /** Limits per period; null is unlimited. */
  aiTokensLimit!: number | null;
  imageGenerationsLimit!: number | null;
  siteGenerationsLimit!: number | null;
  storageBytesLimit!: number | null;
  /** The event this row comes from: an older event (delivered late) never replaces it. */
  eventId!: string;
  eventOccurredAt!: Date;
  updatedAt!: Date;
}

export const UsageAllowanceSchema = new EntitySchema<UsageAllowance>({
  class: UsageAllowance,
  tableName: 'usage_allowance',
  properties: {
    userId: { type: 'uuid', primary: true },
    plan: { type: 'string', length: 64 },
    periodStart: { type: 'datetime' },
    periodEnd: { type: 'datetime' },
    aiTokensLimit: { ...count(), nullable: true },
    imageGenerationsLimit: { ...count(), nullable: true },
    siteGenerationsLimit: { ...count(), nullable: true },
    storageBytesLimit: { ...count(), nullable: true },
    eventId: { type: 'string', length: 255 },
    eventOccurredAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

/** How much of a meter a user has spent in one period (a new period is a new row: the reset). */
export class UsageCounter {
  [PrimaryKeyProp]?: ['userId', 'meter', 'periodStart'];
  userId!: string;
  meter!: string;
  periodStart!: Date;
  used!: number;
}

export const UsageCounterSchema = new EntitySchema<UsageCounter>({
  class: UsageCounter,
  tableName: 'usage_counter',
  properties: {
    userId: { type: 'uuid', primary: true },
    meter: { type: 'string', length: 32, primary: true },
    periodStart: { type: 'datetime', primary: true },
    used: count(),
  },
});

/**
 * One counted spend, by its idempotency key: a repeated (meter, key) is answered from this
 * row and counted no more.
 */
export class UsageSpend {
  [PrimaryKeyProp]?: ['meter', 'key'];
  meter!: string;
  key!: string;
  userId!: string;
  amount!: number;
  /** The period it counted in, and the limit it was checked against (null: unlimited). */
  periodStart!: Date;
  periodEnd!: Date;
  periodLimit!: number | null;
  /** The counter right after this spend. */
  used!: number;
  createdAt!: Date;
}

export const UsageSpendSchema = new EntitySchema<UsageSpend>({
  class: UsageSpend,
  tableName: 'usage_spend',
  properties: {
    meter: { type: 'string', length: 32, primary: true },
    key: { type: 'string', length: 255, primary: true },
    userId: { type: 'uuid' },
    amount: count(),
    periodStart: { type: 'datetime' },
    periodEnd: { type: 'datetime' },
    periodLimit: { ...count(), nullable: true },
    used: count(),
    createdAt: { type: 'datetime' },
  },
});

/**
 * The tables of the usage projection, to spread into a subgraph's `entities` (in the metered
 * domain, and in billing for its copy of the counters): that subgraph's own migrations create
 * them in its schema.
 */
export const usageEntities = [UsageAllowanceSchema, UsageCounterSchema, UsageSpendSchema];
