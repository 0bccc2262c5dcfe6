import type { PlanLimits } from '@lattice/events';
import { z } from 'zod';

/** An amount in the currency's minor unit (cents) and an ISO 4217 currency, lower case. */
export interface Price {
  amount: number;
  currency: string;
}

/** What a plan costs and allows. */
export interface Plan {
  /** Stable identifier (`free`, `pro`): stored in subscriptions and carried by events. */
  id: string;
  name: string;
  description: string;
  /** Order of plans: moving to a higher rank is an upgrade, to a lower one a downgrade. */
  rank: number;
  prices: { month: Price; year?: Price };
  /** Days of trial before the first payment (0: none). */
  trialDays: number;
  /** Credits granted at the start of every period. */
  creditsPerPeriod: number;
  /** What may be spent per period, per meter; null is unlimited. */
  limits: PlanLimits;
}

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const TiB = 1024 ** 4;

const usd = (amount: number): Price => ({ amount, currency: 'usd' });

/** The plans when `PLANS` says nothing (a year costs ten months). */
export const DEFAULT_PLANS: Readonly<Record<string, Plan>> = deepFreeze({
  free: {
    id: 'free',
    name: 'Free',
    description: 'Try everything, with small monthly limits.',
    rank: 0,
    prices: { month: usd(0) },
    trialDays: 0,
    creditsPerPeriod: 0,
    limits: { aiTokens: 20_000, imageGenerations: 10, siteGenerations: 1, storageBytes: 100 * MiB },
  },
  starter: {
    id: 'starter',
    name: 'Starter',
    description: 'For one person building a few sites.',
    rank: 1,
    prices: { month: usd(900), year: usd(9_000) },
    trialDays: 0,
    creditsPerPeriod: 1_000,
    limits: { aiTokens: 500_000, imageGenerations: 200, siteGenerations: 10, storageBytes: 10 * GiB },
  },
  pro: {
    id: 'pro',
    name: 'Pro',
    description: 'For professionals: higher limits, a 14-day trial.',
    rank: 2,
    prices: { month: usd(2_900), year: usd(29_000) },
    trialDays: 14,
    creditsPerPeriod: 5_000,
    limits: { aiTokens: 3_000_000, imageGenerations: 1_000, siteGenerations: 50, storageBytes: 100 * GiB },
  },
  enterprise: {
    id: 'enterprise',
    name: 'Enterprise',
    description: 'For teams: unlimited generation, 1 TiB of storage.',
    rank: 3,
    prices: { month: usd(9_900), year: usd(99_000) },
    trialDays: 14,
    creditsPerPeriod: 25_000,
    limits: { aiTokens: null, imageGenerations: null, siteGenerations: null, storageBytes: 1 * TiB },
  },
});

// --- PLANS: partial overrides merged onto the defaults, or complete new plans ---

/** A message for a value that is wrong, and "is required" for one that is missing. */
const says =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? REQUIRED : message;
const REQUIRED = 'is required';
const WHOLE = says('must be a whole number ≥ 0');
const whole = () => z.int({ error: WHOLE }).min(0, { error: WHOLE });
const LIMIT = says('must be a whole number ≥ 0, or null for unlimited');
const limit = () => z.int({ error: LIMIT }).min(0, { error: LIMIT }).nullable();
const TEXT = says('must be a non-empty string');
const text = () => z.string({ error: TEXT }).trim().min(1, { error: TEXT });
const CURRENCY = says('must be an ISO 4217 currency code in lower case, e.g. usd');
const currency = z.string({ error: CURRENCY }).regex(/^[a-z]{3}$/, { error: CURRENCY });
const PLAN_ID = 'a plan id is 1-32 lower-case letters, digits, _ or -, starting with a letter';
const planId = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, { error: PLAN_ID });

const priceSchema = z.strictObject({ amount: whole(), currency });
const limitsSchema = z.strictObject({
  aiTokens: limit(),
  imageGenerations: limit(),
  siteGenerations: limit(),
  storageBytes: limit(),
});
const planSchema = z.strictObject({
  id: planId,
  name: text(),
  description: text(),
  rank: whole(),
  prices: z.strictObject({ month: priceSchema, year: priceSchema.optional() }),
  trialDays: whole(),
  creditsPerPeriod: whole(),
  limits: limitsSchema,
});

/** What `PLANS` may say about one plan: any field; `prices.year: null` removes the yearly price. */
const planOverride = z.strictObject({
  name: text().optional(),
  description: text().optional(),
  rank: whole().optional(),
  prices: z
    .strictObject({
      month: priceSchema.partial().optional(),
      year: priceSchema.partial().nullable().optional(),
    })
    .optional(),
  trialDays: whole().optional(),
  creditsPerPeriod: whole().optional(),
  limits: limitsSchema.partial().optional(),
});
type PlanOverride = z.infer<typeof planOverride>;

const overridesSchema = z.record(planId, planOverride, {
  error: (issue) =>
    issue.code === 'invalid_key'
      ? PLAN_ID
      : 'must be a JSON object of plan overrides by plan id, e.g. {"pro":{"limits":{"aiTokens":5000000}}}',
});

function mergePlan(id: string, base: Plan | undefined, override: PlanOverride): unknown {
  const { prices, limits, ...fields } = override;
  const year = prices?.year === null ? undefined : { ...base?.prices.year, ...prices?.year };
  return {
    ...base,
    ...fields,
    id,
    prices: {
      month: { ...base?.prices.month, ...prices?.month },
      ...(year && Object.keys(year).length > 0 ? { year } : {}),
    },
    limits: { ...base?.limits, ...limits },
  };
}

/** Merges the overrides onto the defaults, validates every plan, then the catalogue as a whole. */
function resolvePlans(
  overrides: Record<string, PlanOverride>,
  ctx: z.core.$RefinementCtx<Record<string, PlanOverride>>,
): Record<string, Plan> {
  const plans: Record<string, Plan> = {};
  const ids = new Set([...Object.keys(DEFAULT_PLANS), ...Object.keys(overrides)]);
  for (const id of ids) {
    const base = DEFAULT_PLANS[id];
    const merged = mergePlan(id, base, overrides[id] ?? {});
    const parsed = planSchema.safeParse(merged);
    if (parsed.success) plans[id] = parsed.data;
    else
      for (const { path, message } of parsed.error.issues)
        ctx.addIssue({
          code: 'custom',
          path: [id, ...path],
          message:
            message === REQUIRED && !base
              ? `${REQUIRED}: ${id} is a new plan, so every field must be given`
              : message,
        });
  }
  const byRank = new Map<number, string>();
  for (const plan of Object.values(plans)) {
    const other = byRank.get(plan.rank);
    if (other !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [plan.id, 'rank'],
        message: `is ${plan.rank}, as ${other}'s is: ranks must differ to tell an upgrade from a downgrade`,
      });
    byRank.set(plan.rank, plan.id);
  }
  const free = plans.free;
  if (free && (free.prices.month.amount !== 0 || (free.prices.year?.amount ?? 0) !== 0))
    ctx.addIssue({ code: 'custom', path: ['free', 'prices'], message: 'the free plan must cost 0' });
  return plans;
}

const plansEnv = z
  .string()
  .optional()
  .transform((value, ctx): unknown => {
    if (value === undefined || value.trim() === '') return {};
    try {
      return JSON.parse(value);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `must be JSON (plan overrides by plan id): ${(error as Error).message}`,
      });
      return z.NEVER;
    }
  })
  .pipe(overridesSchema)
  .transform(resolvePlans);

/**
 * The settings fragment every subgraph that reads plans spreads into its own settings
 * (`z.object({ ...plansSettings, ... })`): `PLANS` is JSON, per plan id, partial overrides
 * merged onto DEFAULT_PLANS (new ids are allowed when complete), e.g.
 * `{"pro":{"prices":{"month":{"amount":3900}},"limits":{"aiTokens":5000000}}}`. It parses
 * to the plans by id, for `planCatalogue`.
 */
export const plansSettings = { PLANS: plansEnv };

/** The plans, read by billing (to sell them) and by metered domains (the free plan's limits). */
export interface PlanCatalogue {
  get(id: string): Plan | undefined;
  /** Every plan, by rank (lowest first). */
  list(): Plan[];
  /** What a user without a subscription has. */
  readonly free: Plan;
}

export function planCatalogue(plans: Readonly<Record<string, Plan>> = DEFAULT_PLANS): PlanCatalogue {
  const byId = new Map(Object.values(plans).map((plan) => [plan.id, deepFreeze(structuredClone(plan))]));
  const free = byId.get('free');
  if (!free) throw new Error('a plan catalogue needs a plan with id "free"');
  const ranked = [...byId.values()].sort((a, b) => a.rank - b.rank);
  return {
    get: (id) => byId.get(id),
    list: () => [...ranked],
    free,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
