import { createEvent, type Meter, recordEvent } from '@lattice/events';
import { ErrorCode, UserError } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { calendarMonth, currentPeriod, type Period } from './period';
import type { PlanCatalogue } from './plans';
import {
  claimSpend,
  countSpend,
  findSpend,
  isMeter,
  METERS,
  readCounter,
  readUsage,
  type Spend,
  type UsageState,
} from './store';

/** A meter's standing in the current period. */
export interface MeterStatus {
  meter: Meter;
  /** The plan's limit per period; null is unlimited. */
  limit: number | null;
  used: number;
  /** `limit - used` (never below 0); null when unlimited. */
  remaining: number | null;
  /** When the period ends and the counter starts again from 0. */
  resetsAt: Date;
}

export interface MeterUsage extends MeterStatus {
  periodStart: Date;
}

export interface RecordInput {
  userId: string;
  meter: Meter;
  /** A whole number ≥ 0, in the meter's unit (tokens, generations, bytes). */
  amount: number;
  /** The spend's idempotency key, unique per meter (e.g. `generation:<id>`): counted once. */
  key: string;
  /**
   * True (the default): refuse a spend that would pass the limit. False: count it anyway
   * (what was already consumed, e.g. the tokens an AI call turned out to use).
   */
  enforce?: boolean;
}

export interface RecordResult extends MeterUsage {
  amount: number;
  key: string;
  /** True when the key had been spent before: this is that first spend's result, counted once. */
  replayed: boolean;
}

export interface UsageMeter {
  /**
   * Whether `amount` more of `meter` fits in the user's current period: its status, or
   * QUOTA_EXCEEDED. One SQL statement, no writes; a check does not reserve anything (record
   * in the same transaction as the spend does, exactly).
   */
  check(em: EntityManager, userId: string, meter: Meter, amount?: number): Promise<MeterStatus>;
  /**
   * Counts a spend inside the caller's transaction (`em.transactional`), once per (meter,
   * key), and records `usage.recorded` in its outbox. With `enforce` (the default), a spend
   * that would pass the limit throws QUOTA_EXCEEDED and writes nothing.
   */
  record(em: EntityManager, input: RecordInput): Promise<RecordResult>;
  /** Every meter's standing in the current period. One SQL statement. */
  usage(em: EntityManager, userId: string): Promise<MeterUsage[]>;
}

export interface MeterOptions {
  /** Its free plan's limits apply to users billing has told nothing about. */
  catalogue: PlanCatalogue;
  /** The clock (tests move it). */
  now?: () => Date;
}

const LABELS: Readonly<Record<Meter, string>> = {
  aiTokens: 'AI tokens',
  imageGenerations: 'image generations',
  siteGenerations: 'site generations',
  storageBytes: 'bytes of storage',
};

/** Checks and counts usage against the per-period limits of each user's plan. */
export function createMeter({ catalogue, now = () => new Date() }: MeterOptions): UsageMeter {
  /** The plan, period and limits in force at `at`, from the stored allowance or the free plan. */
  function standing(state: UsageState, at: Date) {
    const { allowance } = state;
    const period = currentPeriod(allowance, at);
    return {
      plan: allowance?.plan ?? catalogue.free.id,
      period,
      limits: allowance?.limits ?? catalogue.free.limits,
    };
  }

  function status(meter: Meter, limit: number | null, used: number, period: Period): MeterUsage {
    return {
      meter,
      limit,
      used,
      remaining: limit === null ? null : Math.max(limit - used, 0),
      resetsAt: new Date(period.end),
      periodStart: new Date(period.start),
    };
  }

  function exceeded(
    plan: string,
    meter: Meter,
    limit: number,
    used: number,
    requested: number,
    resetsAt: Date,
  ) {
    const planName = catalogue.get(plan)?.name ?? plan;
    return new UserError(
      ErrorCode.QuotaExceeded,
      `The ${planName} plan allows ${limit} ${LABELS[meter]} per period: ${used} are used and this needs ` +
        `${requested} more. The limit resets at ${resetsAt.toISOString()}.`,
      { meter, plan, limit, used, requested, resetsAt: resetsAt.toISOString() },
    );
  }

  const read = (em: EntityManager, userId: string, meter: Meter | null, at: Date) =>
    readUsage(em, userId, meter, new Date(calendarMonth(at).start));

  const usedIn = (state: UsageState, meter: Meter, period: Period) =>
    state.counters.find((counter) => counter.meter === meter && counter.periodStart === period.start)?.used ??
    0;

  return {
    async check(em, userId, meter, amount = 1) {
      assertMeter(meter);
      assertAmount(amount);
      const at = now();
      const state = await read(em, userId, meter, at);
      const { plan, period, limits } = standing(state, at);
      const limit = limits[meter];
      const used = usedIn(state, meter, period);
      if (limit !== null && used + amount > limit)
        throw exceeded(plan, meter, limit, used, amount, new Date(period.end));
      const { periodStart: _periodStart, ...result } = status(meter, limit, used, period);
      return result;
    },

    async record(em, { userId, meter, amount, key, enforce = true }) {
      assertMeter(meter);
      assertAmount(amount);
      if (typeof key !== 'string' || key.length === 0 || key.length > 255)
        throw new TypeError(`record: key must be 1 to 255 characters, got ${JSON.stringify(key)}`);
      if (!em.isInTransaction())
        throw new Error('record: call it inside the transaction of the spend (em.transactional)');
      const at = now();
      const state = await read(em, userId, meter, at);
      const { plan, period, limits } = standing(state, at);
      const limit = limits[meter];
      const spend: Spend = {
        userId,
        meter,
        key,
        amount,
        periodStart: new Date(period.start),
        periodEnd: new Date(period.end),
        limit,
      };
      if (!(await claimSpend(em, spend))) return replay(em, spend);
      const used = await countSpend(em, spend, enforce ? limit : null);
      if (used === null) {
        const current = await readCounter(em, userId, meter, spend.periodStart);
        throw exceeded(plan, meter, limit!, current, amount, spend.periodEnd);
      }
      recordEvent(
        em,
        createEvent('usage.recorded', {
          actor: userId,
          subject: userId,
          data: {
            userId,
            meter,
            amount,
            key,
            periodStart: spend.periodStart.toISOString(),
            periodEnd: spend.periodEnd.toISOString(),
            limit,
          },
        }),
      );
      return { ...status(meter, limit, used, period), amount, key, replayed: false };
    },

    async usage(em, userId) {
      const at = now();
      const state = await read(em, userId, null, at);
      const { period, limits } = standing(state, at);
      return METERS.map((meter) => status(meter, limits[meter], usedIn(state, meter, period), period));
    },
  };
}

/** The first spend of a key, answered again; a key reused for another spend is a conflict. */
async function replay(em: EntityManager, attempt: Spend): Promise<RecordResult> {
  const first = await findSpend(em, attempt.meter, attempt.key);
  if (!first) throw new Error(`record: the spend ${attempt.meter}/${attempt.key} vanished`); // unreachable
  if (first.userId !== attempt.userId.toLowerCase() || first.amount !== attempt.amount)
    throw new UserError(
      ErrorCode.Conflict,
      `The key ${JSON.stringify(attempt.key)} was already used for another ${attempt.meter} spend`,
      { meter: attempt.meter, key: attempt.key },
    );
  const period = { start: first.periodStart.getTime(), end: first.periodEnd.getTime() };
  return {
    meter: first.meter,
    limit: first.limit,
    used: first.used,
    remaining: first.limit === null ? null : Math.max(first.limit - first.used, 0),
    resetsAt: new Date(period.end),
    periodStart: new Date(period.start),
    amount: first.amount,
    key: first.key,
    replayed: true,
  };
}

function assertMeter(meter: unknown): asserts meter is Meter {
  if (!isMeter(meter))
    throw new TypeError(`unknown meter ${JSON.stringify(meter)}: one of ${METERS.join(', ')}`);
}

function assertAmount(amount: unknown): asserts amount is number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`amount must be a whole number ≥ 0, got ${String(amount)}`);
}
