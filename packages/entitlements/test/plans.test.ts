import { ConfigError, parseEnv } from '@lattice/server-kit';
import { z } from 'zod';
import { DEFAULT_PLANS, type Plan, planCatalogue, plansSettings } from '../src';

/** A subgraph's settings holding the plans, as billing's and the metered domains' do. */
const settings = z.object({ ...plansSettings });

const parsePlans = (PLANS?: string) => parseEnv(settings, { PLANS }).PLANS;

function problemsOf(PLANS: string): string[] {
  try {
    parsePlans(PLANS);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`PLANS=${PLANS} parsed`);
}

describe('plan catalogue', () => {
  it('has four default plans, listed by rank, free first and free of charge', () => {
    const catalogue = planCatalogue();
    expect(catalogue.list().map((plan) => [plan.id, plan.rank])).toEqual([
      ['free', 0],
      ['starter', 1],
      ['pro', 2],
      ['enterprise', 3],
    ]);
    expect(catalogue.free.prices.month).toEqual({ amount: 0, currency: 'usd' });
    expect(catalogue.free.limits).toEqual({
      aiTokens: 20_000,
      imageGenerations: 10,
      siteGenerations: 1,
      storageBytes: 100 * 1024 ** 2,
    });
    expect(catalogue.get('starter')?.prices.month).toEqual({ amount: 900, currency: 'usd' });
    expect(catalogue.get('pro')).toMatchObject({ prices: { month: { amount: 2900 } }, trialDays: 14 });
    expect(catalogue.get('enterprise')?.limits.aiTokens).toBeNull();
    expect(catalogue.get('enterprise')?.limits.storageBytes).toBe(1024 ** 4); // past 2^31, exact
    expect(catalogue.get('gold')).toBeUndefined();
    for (const plan of catalogue.list()) expect(Number.isSafeInteger(plan.creditsPerPeriod)).toBe(true);
  });

  it('is read-only: nobody changes a plan under everyone else', () => {
    const catalogue = planCatalogue();
    expect(() => ((catalogue.free.limits as { aiTokens: number | null }).aiTokens = 1)).toThrow(TypeError);
    expect(Object.isFrozen(DEFAULT_PLANS.pro!.prices.month)).toBe(true);
  });
});

describe('PLANS', () => {
  it('unset or blank: the defaults', () => {
    expect(parsePlans(undefined)).toEqual(DEFAULT_PLANS);
    expect(parsePlans('  ')).toEqual(DEFAULT_PLANS);
  });

  it('merges partial overrides onto the defaults, field by field', () => {
    const plans = parsePlans(
      JSON.stringify({
        pro: { prices: { month: { amount: 3900 } }, limits: { aiTokens: 5_000_000 } },
        starter: { trialDays: 7, prices: { year: null } },
        free: { limits: { siteGenerations: null } },
      }),
    );
    expect(plans.pro).toEqual({
      ...DEFAULT_PLANS.pro,
      prices: { month: { amount: 3900, currency: 'usd' }, year: DEFAULT_PLANS.pro!.prices.year },
      limits: { ...DEFAULT_PLANS.pro!.limits, aiTokens: 5_000_000 },
    });
    expect(plans.starter).toEqual({
      ...DEFAULT_PLANS.starter,
      trialDays: 7,
      prices: { month: DEFAULT_PLANS.starter!.prices.month },
    });
    expect(plans.free!.limits.siteGenerations).toBeNull();
    expect(plans.enterprise).toEqual(DEFAULT_PLANS.enterprise);
  });

  it('adds a new plan when it is complete', () => {
    const team: Omit<Plan, 'id'> = {
      name: 'Team',
      description: 'For small teams.',
      rank: 4,
      prices: { month: { amount: 19_900, currency: 'eur' } },
      trialDays: 0,
      creditsPerPeriod: 50_000,
      limits: { aiTokens: null, imageGenerations: null, siteGenerations: null, storageBytes: 5 * 1024 ** 4 },
    };
    const catalogue = planCatalogue(parsePlans(JSON.stringify({ team })));
    expect(catalogue.get('team')).toEqual({ id: 'team', ...team });
    expect(catalogue.list().map((plan) => plan.id)).toEqual(['free', 'starter', 'pro', 'enterprise', 'team']);
  });

  it('refuses what it cannot parse, saying where and why', () => {
    expect(problemsOf('{pro: 1}')[0]).toMatch(/^PLANS: must be JSON \(plan overrides by plan id\): /);
    expect(problemsOf('[1]')).toEqual([
      'PLANS: must be a JSON object of plan overrides by plan id, e.g. {"pro":{"limits":{"aiTokens":5000000}}}',
    ]);
  });

  it('refuses bad values with one clear message each, all at once', () => {
    const problems = problemsOf(
      JSON.stringify({
        pro: { prices: { month: { amount: -1, currency: 'USD' } }, limits: { aiTokens: 1.5 } },
        starter: { trialDays: '7', creditsPerPeriod: 2 ** 53, limits: { storageBytes: -5 } },
      }),
    );
    expect(problems.sort()).toEqual(
      [
        'PLANS.pro.prices.month.amount: must be a whole number ≥ 0',
        'PLANS.pro.prices.month.currency: must be an ISO 4217 currency code in lower case, e.g. usd',
        'PLANS.pro.limits.aiTokens: must be a whole number ≥ 0, or null for unlimited',
        'PLANS.starter.trialDays: must be a whole number ≥ 0',
        'PLANS.starter.creditsPerPeriod: must be a whole number ≥ 0',
        'PLANS.starter.limits.storageBytes: must be a whole number ≥ 0, or null for unlimited',
      ].sort(),
    );
  });

  it('refuses unknown fields and bad plan ids', () => {
    expect(problemsOf(JSON.stringify({ pro: { limit: {} } }))).toEqual([
      'PLANS.pro: Unrecognized key: "limit"',
    ]);
    expect(problemsOf(JSON.stringify({ pro: { limits: { aiToken: 5 } } }))).toEqual([
      'PLANS.pro.limits: Unrecognized key: "aiToken"',
    ]);
    expect(problemsOf(JSON.stringify({ Gold: { name: 'Gold' } }))).toEqual([
      'PLANS.Gold: a plan id is 1-32 lower-case letters, digits, _ or -, starting with a letter',
    ]);
  });

  it('refuses an incomplete new plan, naming every missing field', () => {
    const problems = problemsOf(
      JSON.stringify({ team: { name: 'Team', rank: 4, prices: { month: { amount: 100 } } } }),
    );
    const missing = (field: string) =>
      `PLANS.team.${field}: is required: team is a new plan, so every field must be given`;
    expect(problems.sort()).toEqual(
      [
        missing('description'),
        missing('prices.month.currency'),
        missing('trialDays'),
        missing('creditsPerPeriod'),
        missing('limits.aiTokens'),
        missing('limits.imageGenerations'),
        missing('limits.siteGenerations'),
        missing('limits.storageBytes'),
      ].sort(),
    );
  });

  it('refuses plans that cannot be ordered, and a free plan that costs something', () => {
    expect(problemsOf(JSON.stringify({ pro: { rank: 1 } }))).toEqual([
      "PLANS.pro.rank: is 1, as starter's is: ranks must differ to tell an upgrade from a downgrade",
    ]);
    expect(problemsOf(JSON.stringify({ free: { prices: { month: { amount: 100 } } } }))).toEqual([
      'PLANS.free.prices: the free plan must cost 0',
    ]);
  });
});
