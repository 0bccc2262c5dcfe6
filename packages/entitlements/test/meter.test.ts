import { randomUUID } from 'node:crypto';
import { OutboxEvent } from '@lattice/events';
import { ErrorCode, UserError } from '@lattice/server-kit';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createMeter, planCatalogue, UsageAllowance, UsageCounter, UsageSpend } from '../src';
import { applyEntitlements, countStatements, entitlementsEvent, iso, openOrm, UNLIMITED } from './helpers';

const catalogue = planCatalogue();
const free = catalogue.free.limits;
const pro = catalogue.get('pro')!.limits;

let db: TestDatabase;
let orm: MikroORM;
let clock = iso('2026-03-15T12:00:00.000Z');
const meter = createMeter({ catalogue, now: () => clock });

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openOrm(db.url, 'metered');
});

afterAll(async () => {
  await orm?.close();
  await db?.drop();
});

beforeEach(() => {
  clock = iso('2026-03-15T12:00:00.000Z');
});

const em = () => orm.em.fork();
const record = (input: Parameters<typeof meter.record>[1]) =>
  orm.em.fork().transactional((tx) => meter.record(tx, input));

/** The error `promise` rejects with (a test failure when it resolves). */
async function failure(promise: Promise<unknown>): Promise<UserError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof UserError)) throw new Error(`expected a UserError, got ${String(outcome)}`);
  return outcome;
}

/** Pro, from 10 March to 10 April 2026, told at `occurredAt`. */
const proMarch = (userId: string, occurredAt = '2026-03-10T00:00:01.000Z') =>
  entitlementsEvent(userId, {
    plan: 'pro',
    periodStart: '2026-03-10T00:00:00.000Z',
    periodEnd: '2026-04-10T00:00:00.000Z',
    limits: pro,
    occurredAt,
  });

describe('allowance', () => {
  it('without one, a user has the free plan on the UTC calendar month', async () => {
    const userId = randomUUID();
    expect(await meter.check(em(), userId, 'aiTokens')).toEqual({
      meter: 'aiTokens',
      limit: free.aiTokens,
      used: 0,
      remaining: free.aiTokens,
      resetsAt: iso('2026-04-01T00:00:00.000Z'),
    });
    const usage = await meter.usage(em(), userId);
    expect(
      usage.map(({ meter: name, limit, periodStart }) => [name, limit, periodStart.toISOString()]),
    ).toEqual([
      ['aiTokens', free.aiTokens, '2026-03-01T00:00:00.000Z'],
      ['imageGenerations', free.imageGenerations, '2026-03-01T00:00:00.000Z'],
      ['siteGenerations', free.siteGenerations, '2026-03-01T00:00:00.000Z'],
      ['storageBytes', free.storageBytes, '2026-03-01T00:00:00.000Z'],
    ]);
  });

  it("follows billing's event, and an older event delivered afterwards changes nothing", async () => {
    const userId = randomUUID();
    await applyEntitlements(orm, proMarch(userId, '2026-03-10T00:00:05.000Z'));
    const expected = {
      meter: 'imageGenerations',
      limit: pro.imageGenerations,
      used: 0,
      remaining: pro.imageGenerations,
      resetsAt: iso('2026-04-10T00:00:00.000Z'),
    };
    expect(await meter.check(em(), userId, 'imageGenerations')).toEqual(expected);

    const older = entitlementsEvent(userId, {
      plan: 'starter',
      periodStart: '2026-03-01T00:00:00.000Z',
      periodEnd: '2026-04-01T00:00:00.000Z',
      limits: catalogue.get('starter')!.limits,
      occurredAt: '2026-03-10T00:00:04.999Z',
    });
    await applyEntitlements(orm, older);
    expect(await meter.check(em(), userId, 'imageGenerations')).toEqual(expected);
    expect(await em().findOneOrFail(UsageAllowance, { userId })).toMatchObject({
      plan: 'pro',
      imageGenerationsLimit: pro.imageGenerations,
      eventOccurredAt: iso('2026-03-10T00:00:05.000Z'),
    });
  });

  it('refuses an event whose period ends before it starts', async () => {
    const event = entitlementsEvent(randomUUID(), {
      plan: 'pro',
      periodStart: '2026-03-10T00:00:00.000Z',
      periodEnd: '2026-03-10T00:00:00.000Z',
      limits: pro,
      occurredAt: '2026-03-10T00:00:00.000Z',
    });
    await expect(applyEntitlements(orm, event)).rejects.toThrow(
      /breaks its contract: periodEnd .* is not after/,
    );
  });
});

describe('check and record', () => {
  it('counts exactly, and check is one statement that writes nothing', async () => {
    const userId = randomUUID();
    const first = await record({ userId, meter: 'aiTokens', amount: 12_345, key: 'chat:1' });
    expect(first).toEqual({
      meter: 'aiTokens',
      amount: 12_345,
      key: 'chat:1',
      limit: free.aiTokens,
      used: 12_345,
      remaining: free.aiTokens! - 12_345,
      resetsAt: iso('2026-04-01T00:00:00.000Z'),
      periodStart: iso('2026-03-01T00:00:00.000Z'),
      replayed: false,
    });
    await record({ userId, meter: 'aiTokens', amount: 7_000, key: 'chat:2' });
    let status: unknown;
    const statements = await countStatements(orm, async () => {
      status = await meter.check(em(), userId, 'aiTokens', 655);
    });
    expect(statements).toBe(1);
    expect(status).toMatchObject({ used: 19_345, remaining: 655 });
    expect(await em().count(UsageCounter, { userId })).toBe(1);
  });

  it('refuses a spend past the limit, saying limit, use and reset, and writes nothing', async () => {
    const userId = randomUUID();
    await record({ userId, meter: 'imageGenerations', amount: 8, key: 'images:1' });
    const checked = await failure(meter.check(em(), userId, 'imageGenerations', 3));
    expect(checked.extensions).toEqual({
      code: ErrorCode.QuotaExceeded,
      meter: 'imageGenerations',
      plan: 'free',
      limit: 10,
      used: 8,
      requested: 3,
      resetsAt: '2026-04-01T00:00:00.000Z',
    });
    expect(checked.message).toBe(
      'The Free plan allows 10 image generations per period: 8 are used and this needs 3 more. ' +
        'The limit resets at 2026-04-01T00:00:00.000Z.',
    );

    // Even a caller that catches the refusal and commits leaves nothing behind.
    const outboxBefore = await em().count(OutboxEvent, {});
    const recorded = await failure(
      orm.em.fork().transactional(async (tx) => {
        const refusal = await failure(
          meter.record(tx, { userId, meter: 'imageGenerations', amount: 3, key: 'images:2' }),
        );
        return Promise.reject(refusal);
      }),
    );
    expect(recorded.extensions).toEqual(checked.extensions);
    await orm.em.fork().transactional(async (tx) => {
      await failure(meter.record(tx, { userId, meter: 'imageGenerations', amount: 3, key: 'images:3' }));
    });
    expect(await em().findOneOrFail(UsageCounter, { userId, meter: 'imageGenerations' })).toMatchObject({
      used: 8,
    });
    expect(await em().count(UsageSpend, { userId })).toBe(1);
    expect(await em().count(OutboxEvent, {})).toBe(outboxBefore);

    // What still fits is counted.
    expect(await record({ userId, meter: 'imageGenerations', amount: 2, key: 'images:4' })).toMatchObject({
      used: 10,
      remaining: 0,
    });
  });

  it('counts a key once, answering a repeat with the first result', async () => {
    const userId = randomUUID();
    const first = await record({ userId, meter: 'siteGenerations', amount: 1, key: 'site:abc' });
    const again = await record({ userId, meter: 'siteGenerations', amount: 1, key: 'site:abc' });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await meter.check(em(), userId, 'siteGenerations', 0)).used).toBe(1);
    expect(await em().count(OutboxEvent, { subject: userId })).toBe(1);
    // The same key for another spend is the caller's mistake, not a second spend.
    const reused = await failure(record({ userId, meter: 'siteGenerations', amount: 2, key: 'site:abc' }));
    expect(reused.extensions.code).toBe(ErrorCode.Conflict);
  });

  it('counts a key spent twice at once once', async () => {
    const userId = randomUUID();
    const both = await Promise.all([
      record({ userId, meter: 'aiTokens', amount: 100, key: 'twice:1' }),
      record({ userId, meter: 'aiTokens', amount: 100, key: 'twice:1' }),
    ]);
    expect(both.map((result) => result.replayed).sort()).toEqual([false, true]);
    expect(both.map((result) => result.used)).toEqual([100, 100]);
    expect((await meter.check(em(), userId, 'aiTokens', 0)).used).toBe(100);
  });

  it('counts what was consumed anyway when not enforcing', async () => {
    const userId = randomUUID();
    await record({ userId, meter: 'aiTokens', amount: 19_000, key: 'a' });
    const over = await record({ userId, meter: 'aiTokens', amount: 5_000, key: 'b', enforce: false });
    expect(over).toMatchObject({ used: 24_000, limit: 20_000, remaining: 0 });
    await expect(meter.check(em(), userId, 'aiTokens')).rejects.toMatchObject({
      extensions: { code: ErrorCode.QuotaExceeded, used: 24_000 },
    });
  });

  it('keeps storage bytes past 2^31 exact', async () => {
    const userId = randomUUID();
    await applyEntitlements(orm, proMarch(userId));
    const threeGiB = 3 * 1024 ** 3;
    await record({ userId, meter: 'storageBytes', amount: threeGiB, key: 'upload:1' });
    await record({ userId, meter: 'storageBytes', amount: threeGiB + 1, key: 'upload:2' });
    expect(await meter.check(em(), userId, 'storageBytes')).toMatchObject({
      used: 2 * threeGiB + 1,
      remaining: pro.storageBytes! - 2 * threeGiB - 1,
    });
  });

  it('records only inside a transaction, and refuses bad input', async () => {
    const userId = randomUUID();
    await expect(meter.record(em(), { userId, meter: 'aiTokens', amount: 1, key: 'k' })).rejects.toThrow(
      /inside the transaction/,
    );
    await expect(meter.check(em(), userId, 'aiTokens', 1.5)).rejects.toThrow(RangeError);
    await expect(meter.check(em(), userId, 'tokens' as never)).rejects.toThrow(/unknown meter "tokens"/);
    await expect(record({ userId, meter: 'aiTokens', amount: 1, key: '' })).rejects.toThrow(/key/);
  });

  it('never overshoots: of 50 concurrent spends against a limit of 10, exactly 10 count', async () => {
    const userId = randomUUID();
    await applyEntitlements(
      orm,
      entitlementsEvent(userId, {
        plan: 'starter',
        periodStart: '2026-03-01T00:00:00.000Z',
        periodEnd: '2026-04-01T00:00:00.000Z',
        limits: { ...UNLIMITED, imageGenerations: 10 },
        occurredAt: '2026-03-01T00:00:00.000Z',
      }),
    );
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        record({ userId, meter: 'imageGenerations', amount: 1, key: `burst:${i}` }),
      ),
    );
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const outcome of refused)
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({
        extensions: { code: ErrorCode.QuotaExceeded, limit: 10 },
      });
    expect(await em().findOneOrFail(UsageCounter, { userId, meter: 'imageGenerations' })).toMatchObject({
      used: 10,
    });
    expect(await em().count(UsageSpend, { userId })).toBe(10);
    expect(await em().count(OutboxEvent, { subject: userId })).toBe(10);
  });
});

describe('periods', () => {
  it('starts again from 0 in the next period billing announces', async () => {
    const userId = randomUUID();
    await applyEntitlements(orm, proMarch(userId));
    await record({ userId, meter: 'siteGenerations', amount: 5, key: 'next:1' });
    clock = iso('2026-04-10T00:00:00.000Z'); // the period's end: the next one has begun
    await applyEntitlements(
      orm,
      entitlementsEvent(userId, {
        plan: 'pro',
        periodStart: '2026-04-10T00:00:00.000Z',
        periodEnd: '2026-05-10T00:00:00.000Z',
        limits: pro,
        occurredAt: '2026-04-10T00:00:02.000Z',
      }),
    );
    expect(await meter.check(em(), userId, 'siteGenerations')).toMatchObject({
      used: 0,
      resetsAt: iso('2026-05-10T00:00:00.000Z'),
    });
    expect(await em().count(UsageCounter, { userId })).toBe(1); // March's, kept
  });

  it('rolls an ended period forward by whole periods when the renewal is late', async () => {
    const userId = randomUUID();
    await applyEntitlements(orm, proMarch(userId)); // 31 days: 10 March to 10 April
    await record({ userId, meter: 'siteGenerations', amount: 50, key: 'late:1' });
    await expect(meter.check(em(), userId, 'siteGenerations')).rejects.toMatchObject({
      extensions: { code: ErrorCode.QuotaExceeded, resetsAt: '2026-04-10T00:00:00.000Z' },
    });

    clock = iso('2026-04-11T08:00:00.000Z');
    expect(await record({ userId, meter: 'siteGenerations', amount: 1, key: 'late:2' })).toMatchObject({
      used: 1,
      periodStart: iso('2026-04-10T00:00:00.000Z'),
      resetsAt: iso('2026-05-11T00:00:00.000Z'),
    });

    clock = iso('2026-06-20T00:00:00.000Z'); // two more periods later
    expect(
      (await meter.usage(em(), userId)).find((usage) => usage.meter === 'siteGenerations'),
    ).toMatchObject({
      used: 0,
      periodStart: iso('2026-06-11T00:00:00.000Z'),
      resetsAt: iso('2026-07-12T00:00:00.000Z'),
    });
  });

  it('resets the free plan on the first of the month', async () => {
    const userId = randomUUID();
    await record({ userId, meter: 'siteGenerations', amount: 1, key: 'month:1' });
    await expect(meter.check(em(), userId, 'siteGenerations')).rejects.toMatchObject({
      extensions: { code: ErrorCode.QuotaExceeded },
    });
    clock = iso('2026-04-01T00:00:00.000Z');
    expect(await meter.check(em(), userId, 'siteGenerations')).toMatchObject({
      used: 0,
      resetsAt: iso('2026-05-01T00:00:00.000Z'),
    });
  });
});
