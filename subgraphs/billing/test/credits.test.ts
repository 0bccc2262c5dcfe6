import { randomUUID } from 'node:crypto';
import {
  captureCreditHold,
  creditAccountsByUser,
  creditBalance,
  creditLedger,
  grantCredits,
  holdCredits,
  releaseCreditHold,
  replaceSubscriptionCredits,
  spendCredits,
} from '../src/service/credits';
import { CreditBalance, creditLoaders, creditMutations, creditUserFields } from '../src/resolvers/credits';
import { useBillingDatabase } from './support/billing-database';

const db = useBillingDatabase();

const em = () => db.orm.em.fork();
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  db.orm.em.getConnection().execute<T[]>(query, params);

const buy = (userId: string, amount: number, key: string = randomUUID()) =>
  grantCredits(em(), { userId, amount, bucket: 'purchased', kind: 'purchase', reason: 'pack', key });
const planCredits = (userId: string, amount: number, key: string = randomUUID()) =>
  grantCredits(em(), {
    userId,
    amount,
    bucket: 'subscription',
    kind: 'subscription_grant',
    reason: 'plan',
    key,
  });
const spend = (userId: string, amount: number, key: string = randomUUID()) =>
  spendCredits(em(), { userId, amount, reason: 'image generation', key });

async function ledgerOf(userId: string) {
  return sql<{ kind: string; amount: number; balance_after: number; reason: string | null }>(
    `select kind, amount, balance_after, reason from billing.credit_ledger_entry
     where user_id = ? order by created_at, id`,
    [userId],
  );
}
const sum = (rows: Array<{ amount: number }>) => rows.reduce((total, row) => total + row.amount, 0);

describe('spendCredits', () => {
  it('20 concurrent spends of 1 against 10 credits: exactly 10 succeed, and the ledger adds up', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => spend(userId, 1, `spend-${i}`)),
    );

    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    expect(refused).toHaveLength(10);
    for (const outcome of refused) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({
        extensions: { code: 'QUOTA_EXCEEDED', requested: 1, available: 0 },
      });
    }
    expect(await creditBalance(em(), userId)).toEqual({
      userId,
      available: 0,
      subscription: 0,
      purchased: 0,
      held: 0,
    });
    const ledger = await ledgerOf(userId);
    expect(ledger.filter((entry) => entry.kind === 'spend')).toHaveLength(10);
    expect(sum(ledger)).toBe(0);
    // Each spend recorded what was left after it: 9 down to 0, once each.
    expect(
      ledger
        .filter((entry) => entry.kind === 'spend')
        .map((entry) => entry.balance_after)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a replayed key spends once, even when the replays race', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const first = await spend(userId, 3, 'order-1');
    expect(first.available).toBe(7);
    expect(await spend(userId, 3, 'order-1')).toMatchObject({ available: 7 });

    const raced = await Promise.all(Array.from({ length: 5 }, () => spend(userId, 2, 'order-2')));
    expect(raced.map((balance) => balance.available)).toEqual([5, 5, 5, 5, 5]);

    // A replay answers the balance even once the credits are gone.
    await spend(userId, 5, 'order-3');
    expect(await spend(userId, 5, 'order-3')).toMatchObject({ available: 0 });
    const ledger = await ledgerOf(userId);
    expect(ledger.map((entry) => [entry.kind, entry.amount])).toEqual([
      ['purchase', 10],
      ['spend', -3],
      ['spend', -2],
      ['spend', -5],
    ]);
  });

  it('refuses bad amounts, reasons and keys with BAD_USER_INPUT, writing nothing', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    for (const amount of [0, -1, 1.5, 1_000_001, Number.NaN]) {
      await expect(spend(userId, amount)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'amount' },
      });
    }
    await expect(spendCredits(em(), { userId, amount: 1, reason: '  ', key: 'k-1' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
    });
    await expect(spendCredits(em(), { userId, amount: 1, reason: 'x', key: '' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey' },
    });
    expect((await creditBalance(em(), userId)).available).toBe(10);
    expect(await ledgerOf(userId)).toHaveLength(1);
  });

  it('too few credits: QUOTA_EXCEEDED with available and requested, nothing written', async () => {
    const userId = randomUUID();
    await buy(userId, 4);
    await expect(spend(userId, 5)).rejects.toMatchObject({
      extensions: { code: 'QUOTA_EXCEEDED', available: 4, requested: 5 },
    });
    await expect(spend(randomUUID(), 1)).rejects.toMatchObject({
      extensions: { code: 'QUOTA_EXCEEDED', available: 0, requested: 1 },
    });
    expect((await creditBalance(em(), userId)).available).toBe(4);
    expect(await ledgerOf(userId)).toHaveLength(1);
  });

  it('spends subscription credits before purchased ones', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    await planCredits(userId, 5);
    expect(await spend(userId, 3)).toMatchObject({ subscription: 2, purchased: 10, available: 12 });
    expect(await spend(userId, 7)).toMatchObject({ subscription: 0, purchased: 5, available: 5 });
  });
});

describe('grantCredits', () => {
  it('is idempotent per key and kind, creating the account on first use', async () => {
    const userId = randomUUID();
    expect(await creditBalance(em(), userId)).toMatchObject({ available: 0, subscription: 0, purchased: 0 });
    expect(await buy(userId, 50, 'payment:1')).toMatchObject({ purchased: 50, available: 50 });
    expect(await buy(userId, 50, 'payment:1')).toMatchObject({ purchased: 50, available: 50 });
    const raced = await Promise.all(Array.from({ length: 4 }, () => buy(userId, 10, 'payment:2')));
    expect(raced.every((balance) => balance.purchased === 60)).toBe(true);
    // The same key of another kind is another grant; a client's spend key never blocks a grant.
    await spend(userId, 1, 'payment:3');
    expect(await buy(userId, 5, 'payment:3')).toMatchObject({ purchased: 64 });
    expect((await ledgerOf(userId)).map((entry) => entry.kind)).toEqual([
      'purchase',
      'purchase',
      'spend',
      'purchase',
    ]);
  });

  it("joins the caller's transaction, and a replay inside it leaves the rest of it intact", async () => {
    const userId = randomUUID();
    await db.orm.em.fork().transactional(async (tx) => {
      await grantCredits(tx, {
        userId,
        amount: 5,
        bucket: 'purchased',
        kind: 'purchase',
        reason: 'a',
        key: 'p',
      });
      const again = await grantCredits(tx, {
        userId,
        amount: 5,
        bucket: 'purchased',
        kind: 'purchase',
        reason: 'a',
        key: 'p',
      });
      expect(again.purchased).toBe(5);
      await grantCredits(tx, {
        userId,
        amount: 1,
        bucket: 'purchased',
        kind: 'admin_grant',
        reason: 'b',
        key: 'q',
      });
    });
    expect((await creditBalance(em(), userId)).purchased).toBe(6);

    const other = randomUUID();
    await expect(
      db.orm.em.fork().transactional(async (tx) => {
        await grantCredits(tx, {
          userId: other,
          amount: 5,
          bucket: 'purchased',
          kind: 'purchase',
          reason: 'a',
          key: 'p',
        });
        throw new Error('the payment could not be recorded');
      }),
    ).rejects.toThrow('the payment could not be recorded');
    expect(await creditBalance(em(), other)).toMatchObject({ purchased: 0 });
    expect(await ledgerOf(other)).toHaveLength(0);
  });

  it('refuses a bad amount or user id', async () => {
    await expect(buy(randomUUID(), 0)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'amount' },
    });
    await expect(buy('not-a-user', 5)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'userId' },
    });
  });
});

describe('replaceSubscriptionCredits', () => {
  it("expires what is left of the period's credits and grants the next period's, once per key", async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    await replaceSubscriptionCredits(em(), { userId, amount: 5, key: 'period-1' });
    await spend(userId, 2);
    const next = await replaceSubscriptionCredits(em(), { userId, amount: 20, key: 'period-2' });
    expect(next).toMatchObject({ subscription: 20, purchased: 10, available: 30 });
    expect(await replaceSubscriptionCredits(em(), { userId, amount: 20, key: 'period-2' })).toMatchObject({
      subscription: 20,
      available: 30,
    });
    // A late replay of an old period changes nothing either.
    await spend(userId, 1);
    expect(await replaceSubscriptionCredits(em(), { userId, amount: 5, key: 'period-1' })).toMatchObject({
      subscription: 19,
    });

    const ledger = await ledgerOf(userId);
    expect(ledger.map((entry) => [entry.kind, entry.amount, entry.balance_after])).toEqual([
      ['purchase', 10, 10],
      ['subscription_grant', 5, 15],
      ['spend', -2, 13],
      ['subscription_expiry', -3, 10],
      ['subscription_grant', 20, 30],
      ['spend', -1, 29],
    ]);
    expect(sum(ledger)).toBe((await creditBalance(em(), userId)).available);

    // Newest first: the grant follows the expiry it replaced.
    const page = await creditLedger(em(), userId, { first: 3 });
    expect(page.edges.map((edge) => edge.node.kind)).toEqual([
      'spend',
      'subscription_grant',
      'subscription_expiry',
    ]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await creditLedger(em(), userId, { first: 10, after: page.pageInfo.endCursor });
    expect(rest.edges.map((edge) => edge.node.kind)).toEqual(['spend', 'subscription_grant', 'purchase']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('a period without credits still ends the last one', async () => {
    const userId = randomUUID();
    await replaceSubscriptionCredits(em(), { userId, amount: 8, key: 'a' });
    expect(await replaceSubscriptionCredits(em(), { userId, amount: 0, key: 'b' })).toMatchObject({
      subscription: 0,
      available: 0,
    });
  });
});

describe('credit holds', () => {
  it('a hold takes subscription credits first; its release returns them to the same buckets', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    await planCredits(userId, 3);
    const hold = await holdCredits(em(), { userId, amount: 5, reference: 'booking-1' });
    expect(hold).toMatchObject({
      amount: 5,
      status: 'held',
      reference: 'booking-1',
      fromSubscription: 3,
      fromPurchased: 2,
    });
    expect(await creditBalance(em(), userId)).toMatchObject({
      subscription: 0,
      purchased: 8,
      held: 5,
      available: 8,
    });

    // Once per reference: a repeat answers the same hold and takes nothing more.
    expect((await holdCredits(em(), { userId, amount: 5, reference: 'booking-1' })).id).toBe(hold.id);
    expect((await creditBalance(em(), userId)).held).toBe(5);

    const released = await releaseCreditHold(em(), { userId, holdId: hold.id });
    expect(released).toMatchObject({ id: hold.id, status: 'released' });
    expect(await creditBalance(em(), userId)).toMatchObject({
      subscription: 3,
      purchased: 10,
      held: 0,
      available: 13,
    });
    await expect(releaseCreditHold(em(), { userId, holdId: hold.id })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    await expect(captureCreditHold(em(), { userId, holdId: hold.id })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    // A repeat of a settled reference still answers that hold.
    expect(await holdCredits(em(), { userId, amount: 5, reference: 'booking-1' })).toMatchObject({
      id: hold.id,
      status: 'released',
    });

    const ledger = await ledgerOf(userId);
    expect(
      ledger.slice(2).map((entry) => [entry.kind, entry.amount, entry.balance_after, entry.reason]),
    ).toEqual([
      ['hold', -5, 8, 'booking-1'],
      ['release', 5, 13, 'booking-1'],
    ]);
    expect(sum(ledger)).toBe(13);
  });

  it('a capture spends the held credits for good', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const hold = await holdCredits(em(), { userId, amount: 4, reference: 'booking-2' });
    expect(await captureCreditHold(em(), { userId, holdId: hold.id })).toMatchObject({ status: 'captured' });
    expect(await creditBalance(em(), userId)).toMatchObject({ purchased: 6, held: 0, available: 6 });
    await expect(releaseCreditHold(em(), { userId, holdId: hold.id })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    const ledger = await ledgerOf(userId);
    expect(ledger.map((entry) => [entry.kind, entry.amount, entry.balance_after])).toEqual([
      ['purchase', 10, 10],
      ['hold', -4, 6],
      ['capture', 0, 6],
    ]);
    expect(sum(ledger)).toBe(6);
  });

  it('of concurrent releases and captures of one hold, exactly one wins', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const hold = await holdCredits(em(), { userId, amount: 6, reference: 'booking-3' });
    const outcomes = await Promise.allSettled([
      releaseCreditHold(em(), { userId, holdId: hold.id }),
      releaseCreditHold(em(), { userId, holdId: hold.id }),
      captureCreditHold(em(), { userId, holdId: hold.id }),
      releaseCreditHold(em(), { userId, holdId: hold.id }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((outcome) => outcome.status === 'rejected')) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
    }
    const balance = await creditBalance(em(), userId);
    expect(balance.held).toBe(0);
    expect([4, 10]).toContain(balance.available);
    expect(sum(await ledgerOf(userId))).toBe(balance.available);
  });

  it("another user's hold, or no hold, is NOT_FOUND; holding more than available is QUOTA_EXCEEDED", async () => {
    const owner = randomUUID();
    const stranger = randomUUID();
    await buy(owner, 10);
    const hold = await holdCredits(em(), { userId: owner, amount: 2, reference: 'booking-4' });
    for (const holdId of [hold.id, randomUUID(), 'not-an-id']) {
      await expect(releaseCreditHold(em(), { userId: stranger, holdId })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
      await expect(captureCreditHold(em(), { userId: stranger, holdId })).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    }
    expect((await creditBalance(em(), owner)).held).toBe(2);

    await expect(
      holdCredits(em(), { userId: owner, amount: 9, reference: 'booking-5' }),
    ).rejects.toMatchObject({
      extensions: { code: 'QUOTA_EXCEEDED', available: 8, requested: 9 },
    });
    await expect(holdCredits(em(), { userId: owner, amount: 1, reference: '' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'reference' },
    });
    await expect(
      holdCredits(em(), { userId: owner, amount: 1, reference: 'x'.repeat(201) }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reference' } });
    await expect(holdCredits(em(), { userId: owner, amount: 0, reference: 'r' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'amount' },
    });
  });

  it('concurrent holds of one reference make one hold', async () => {
    const userId = randomUUID();
    await buy(userId, 10);
    const holds = await Promise.all(
      Array.from({ length: 5 }, () => holdCredits(em(), { userId, amount: 3, reference: 'booking-6' })),
    );
    expect(new Set(holds.map((hold) => hold.id)).size).toBe(1);
    expect(await creditBalance(em(), userId)).toMatchObject({ held: 3, available: 7 });
  });
});

describe('creditAccountsByUser', () => {
  it('answers every key in order, with zeros for users without credits, in one statement', async () => {
    const [a, b, none] = [randomUUID(), randomUUID(), randomUUID()];
    await buy(a, 1);
    await planCredits(b, 2);
    let statements = 0;
    const count = () => (statements += 1);
    const knex = db.orm.em.getConnection().getKnex();
    knex.on('query', count);
    const balances = await creditAccountsByUser(em(), [b, none, a, b]).finally(() =>
      knex.off('query', count),
    );
    expect(statements).toBe(1);
    expect(balances.map((balance) => [balance.userId, balance.available])).toEqual([
      [b, 2],
      [none, 0],
      [a, 1],
      [b, 2],
    ]);
  });
});

describe('credit resolvers', () => {
  type Call = (parent: unknown, args: unknown, context: unknown) => Promise<unknown>;
  const call = (resolver: unknown, parent: unknown, args: unknown, context: unknown) =>
    Promise.resolve().then(() => (resolver as Call)(parent, args, context));
  const viewer = (role: 'user' | 'moderator' | 'admin', id: string = randomUUID()) => ({
    id,
    role,
    sessionId: randomUUID(),
    token: 't',
  });
  const context = (who: ReturnType<typeof viewer> | null) => {
    const request = em();
    return { viewer: who, em: request, loaders: creditLoaders(request) };
  };

  it('User.credits and User.creditLedger: the owner and staff only', async () => {
    const owner = viewer('user');
    await buy(owner.id, 3);
    const balance = await call(creditUserFields.credits, { id: owner.id }, {}, context(owner));
    expect(balance).toMatchObject({ purchased: 3 });
    expect(await call(CreditBalance.available, balance, {}, context(owner))).toBe(3);
    await expect(
      call(creditUserFields.credits, { id: owner.id }, {}, context(viewer('moderator'))),
    ).resolves.toMatchObject({ purchased: 3 });
    for (const stranger of [viewer('user'), null]) {
      await expect(
        call(creditUserFields.credits, { id: owner.id }, {}, context(stranger)),
      ).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      await expect(
        call(creditUserFields.creditLedger, { id: owner.id }, { first: 5 }, context(stranger)),
      ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
  });

  it('spendCredits acts for the caller; grantCredits is for admins, each call a grant of its own', async () => {
    const user = viewer('user');
    await buy(user.id, 5);
    await expect(
      call(
        creditMutations.spendCredits,
        {},
        { amount: 2, reason: 'r', idempotencyKey: 'key-1' },
        context(user),
      ),
    ).resolves.toMatchObject({ purchased: 3 });
    await expect(
      call(
        creditMutations.spendCredits,
        {},
        { amount: 2, reason: 'r', idempotencyKey: 'key-1' },
        context(null),
      ),
    ).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const grant = { userId: user.id, amount: 10, reason: 'goodwill' };
    for (const who of [viewer('user'), viewer('moderator')]) {
      await expect(call(creditMutations.grantCredits, {}, grant, context(who))).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
    }
    await call(creditMutations.grantCredits, {}, grant, context(viewer('admin')));
    await expect(
      call(creditMutations.grantCredits, {}, grant, context(viewer('admin'))),
    ).resolves.toMatchObject({
      purchased: 23,
    });
  });
});
