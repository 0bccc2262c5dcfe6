import type { Meter, PlanLimits } from '@lattice/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UsageAllowance, UsageCounter, UsageSpend } from './entities';

/**
 * The SQL of the usage projection, one statement per function, on the caller's EntityManager
 * (inside its transaction when it has one). Raw SQL because each statement does in one round
 * trip what the unit of work would do in several: reading an allowance and its counters
 * together, and conditional upserts.
 */

/** Every meter, in the order `usage` lists them. */
export const METERS: readonly Meter[] = ['aiTokens', 'imageGenerations', 'siteGenerations', 'storageBytes'];

const LIMIT_COLUMNS: Readonly<Record<Meter, string>> = {
  aiTokens: 'ai_tokens_limit',
  imageGenerations: 'image_generations_limit',
  siteGenerations: 'site_generations_limit',
  storageBytes: 'storage_bytes_limit',
};

export function isMeter(value: unknown): value is Meter {
  return typeof value === 'string' && Object.hasOwn(LIMIT_COLUMNS, value);
}

interface Tables {
  allowance: string;
  counter: string;
  spend: string;
}

const tablesByOrm = new WeakMap<object, Map<string | undefined, Tables>>();

/** The tables' names, qualified with the schema of the caller's ORM (the subgraph's own). */
function tables(em: EntityManager): Tables {
  const metadata = em.getMetadata();
  let bySchema = tablesByOrm.get(metadata);
  if (!bySchema) tablesByOrm.set(metadata, (bySchema = new Map()));
  let names = bySchema.get(em.schema);
  if (!names) {
    const driver = em.getDriver();
    const name = (entity: { name: string }) =>
      driver.getTableName(metadata.get(entity.name), { schema: em.schema }, true);
    names = { allowance: name(UsageAllowance), counter: name(UsageCounter), spend: name(UsageSpend) };
    bySchema.set(em.schema, names);
  }
  return names;
}

function run<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

/** A bigint column read as a JS number; never rounded (a count past 2^53 - 1 is an error). */
export function toCount(value: unknown): number {
  const count = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(count))
    throw new RangeError(`usage count is not a safe integer: ${String(value)}`);
  return count;
}

const toLimit = (value: unknown): number | null => (value === null ? null : toCount(value));

/** A timestamptz as the ORM's platform parses it (the driver hands it over as text). */
function toDate(em: EntityManager, value: unknown): Date {
  const date = em.getPlatform().parseDate(value as string);
  if (!(date instanceof Date) || Number.isNaN(date.getTime()))
    throw new RangeError(`not a timestamp: ${String(value)}`);
  return date;
}

export interface StoredAllowance {
  plan: string;
  periodStart: Date;
  periodEnd: Date;
  limits: PlanLimits;
}

export interface StoredCounter {
  meter: string;
  /** Epoch milliseconds. */
  periodStart: number;
  used: number;
}

export interface UsageState {
  allowance: StoredAllowance | null;
  /** The counters that may be current: from the allowance's period start (else `floor`) on. */
  counters: StoredCounter[];
}

/**
 * ONE statement: a user's allowance and the counters (of one meter, or all) that may belong to
 * the current period. Which period is current is decided in JS (`currentPeriod`), exactly.
 */
export async function readUsage(
  em: EntityManager,
  userId: string,
  meter: Meter | null,
  floor: Date,
): Promise<UsageState> {
  const { allowance, counter } = tables(em);
  const limits = METERS.map((m) => LIMIT_COLUMNS[m]);
  const rows = await run(
    em,
    `select plan, period_start, period_end, ${limits.join(', ')}, null as meter, null as used
     from ${allowance} where user_id = ?
     union all
     select null, period_start, null, ${limits.map(() => 'null').join(', ')}, meter, used
     from ${counter}
     where user_id = ?${meter ? ' and meter = ?' : ''}
       and period_start >= coalesce((select period_start from ${allowance} where user_id = ?), ?)`,
    meter ? [userId, userId, meter, userId, floor] : [userId, userId, userId, floor],
  );
  const first = rows.find((row) => row.plan !== null);
  const stored: StoredAllowance | null = first
    ? {
        plan: first.plan as string,
        periodStart: toDate(em, first.period_start),
        periodEnd: toDate(em, first.period_end),
        limits: {
          aiTokens: toLimit(first.ai_tokens_limit),
          imageGenerations: toLimit(first.image_generations_limit),
          siteGenerations: toLimit(first.site_generations_limit),
          storageBytes: toLimit(first.storage_bytes_limit),
        },
      }
    : null;
  const counters = rows
    .filter((row) => row.meter !== null)
    .map((row) => ({
      meter: row.meter as string,
      periodStart: toDate(em, row.period_start).getTime(),
      used: toCount(row.used),
    }));
  return { allowance: stored, counters };
}

/** What billing says a user may spend, as `billing.entitlements_changed` carries it. */
export interface AllowanceChange extends StoredAllowance {
  userId: string;
  eventId: string;
  eventOccurredAt: Date;
}

/**
 * Upserts a user's allowance unless the stored one comes from a later event: out-of-order
 * delivery never moves it backwards (of two events of the same instant, the later delivered wins).
 */
export async function upsertAllowance(em: EntityManager, change: AllowanceChange): Promise<void> {
  const { allowance } = tables(em);
  const limitColumns = METERS.map((m) => LIMIT_COLUMNS[m]);
  const columns = [
    'plan',
    'period_start',
    'period_end',
    ...limitColumns,
    'event_id',
    'event_occurred_at',
    'updated_at',
  ];
  await run(
    em,
    `insert into ${allowance} (user_id, ${columns.join(', ')})
     values (${['?', ...columns.map(() => '?')].join(', ')})
     on conflict (user_id) do update set ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}
     where ${allowance}.event_occurred_at <= excluded.event_occurred_at`,
    [
      change.userId,
      change.plan,
      change.periodStart,
      change.periodEnd,
      ...METERS.map((m) => change.limits[m]),
      change.eventId,
      change.eventOccurredAt,
      new Date(),
    ],
  );
}

/** One spend, as stored in `usage_spend`. */
export interface Spend {
  userId: string;
  meter: Meter;
  key: string;
  amount: number;
  periodStart: Date;
  periodEnd: Date;
  /** The limit the spend is checked against (null: unlimited); informative when not enforced. */
  limit: number | null;
}

export interface StoredSpend extends Spend {
  /** The counter right after the spend. */
  used: number;
}

/**
 * Claims the spend's (meter, key): true when this is its first spend. A concurrent spender of
 * the same key waits here for the first one's transaction, then finds the key taken.
 */
export async function claimSpend(em: EntityManager, spend: Spend): Promise<boolean> {
  const rows = await run(
    em,
    `insert into ${tables(em).spend}
       (meter, key, user_id, amount, period_start, period_end, period_limit, used, created_at)
     values (?, ?, ?, ?, ?, ?, ?, 0, ?)
     on conflict (meter, key) do nothing
     returning 1 as claimed`,
    [
      spend.meter,
      spend.key,
      spend.userId,
      spend.amount,
      spend.periodStart,
      spend.periodEnd,
      spend.limit,
      new Date(),
    ],
  );
  return rows.length === 1;
}

/** The first spend of a (meter, key). */
export async function findSpend(em: EntityManager, meter: Meter, key: string): Promise<StoredSpend | null> {
  const [row] = await run(
    em,
    `select user_id, amount, period_start, period_end, period_limit, used
     from ${tables(em).spend} where meter = ? and key = ?`,
    [meter, key],
  );
  if (!row) return null;
  return {
    userId: row.user_id as string,
    meter,
    key,
    amount: toCount(row.amount),
    periodStart: toDate(em, row.period_start),
    periodEnd: toDate(em, row.period_end),
    limit: toLimit(row.period_limit),
    used: toCount(row.used),
  };
}

/**
 * ONE statement: adds a claimed spend to its counter, atomically and, with `limit`, only while
 * `used + amount <= limit` (the conditional upsert re-reads the locked row, so concurrent
 * spenders never overshoot); then stores the counter on the spend, or, when the limit refused
 * it, deletes the claim. Returns the counter after the spend, or null when refused.
 */
export async function countSpend(
  em: EntityManager,
  spend: Spend,
  limit: number | null,
): Promise<number | null> {
  const { counter, spend: spendTable } = tables(em);
  const [row] = await run(
    em,
    `with counted as (
       insert into ${counter} as c (user_id, meter, period_start, used)
       select ?::uuid, ?::text, ?::timestamptz, ?::bigint where ?::bigint is null or ?::bigint <= ?::bigint
       on conflict (user_id, meter, period_start) do update set used = c.used + excluded.used
         where ?::bigint is null or c.used + excluded.used <= ?::bigint
       returning c.used
     ),
     kept as (
       update ${spendTable} set used = (select used from counted)
       where meter = ? and key = ? and exists (select 1 from counted)
     ),
     refused as (
       delete from ${spendTable} where meter = ? and key = ? and not exists (select 1 from counted)
     )
     select (select used from counted) as used`,
    [
      spend.userId,
      spend.meter,
      spend.periodStart,
      spend.amount,
      limit,
      spend.amount,
      limit,
      limit,
      limit,
      spend.meter,
      spend.key,
      spend.meter,
      spend.key,
    ],
  );
  return row?.used === null || row?.used === undefined ? null : toCount(row.used);
}

/** The counter of one meter and period, as committed now (0 when there is none). */
export async function readCounter(
  em: EntityManager,
  userId: string,
  meter: Meter,
  periodStart: Date,
): Promise<number> {
  const [row] = await run(
    em,
    `select used from ${tables(em).counter} where user_id = ? and meter = ? and period_start = ?`,
    [userId, meter, periodStart],
  );
  return row ? toCount(row.used) : 0;
}
