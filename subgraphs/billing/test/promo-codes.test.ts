import { randomUUID } from 'node:crypto';
import type { PromoCode } from '../src/entities';
import { promoMutations, promoQueries } from '../src/resolvers/promo-codes';
import {
  createPromoCode,
  discountedAmount,
  listPromoCodes,
  redeemPromoCode,
  releasePromoRedemption,
} from '../src/service/promo-codes';
import { useBillingDatabase } from './support/billing-database';

const db = useBillingDatabase();

const em = () => db.orm.em.fork();
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  db.orm.em.getConnection().execute<T[]>(query, params);
const uniqueCode = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
/** As payments use it: in a transaction of the caller's. */
const redeem = (userId: string, code: string, currency?: string) =>
  em().transactional((tx) => redeemPromoCode(tx, { userId, code, ...(currency ? { currency } : {}) }));
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);

describe('createPromoCode', () => {
  it('stores the code upper case and refuses a duplicate in any case with CONFLICT', async () => {
    const code = uniqueCode('spring');
    const promo = await createPromoCode(em(), {
      code,
      percentOff: 20,
      expiresAt: inAMonth(),
      maxRedemptions: 3,
    });
    expect(promo).toMatchObject({
      code: code.toUpperCase(),
      percentOff: 20,
      amountOff: null,
      currency: null,
      maxRedemptions: 3,
      redemptions: 0,
    });
    await expect(createPromoCode(em(), { code: code.toLowerCase(), percentOff: 5 })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', field: 'input.code' },
    });
    const amount = await createPromoCode(em(), { code: uniqueCode('flat'), amountOff: 500, currency: 'EUR' });
    expect(amount).toMatchObject({ amountOff: 500, currency: 'eur', percentOff: null, expiresAt: null });
  });

  it.each([
    [{ code: 'ab', percentOff: 10 }, 'input.code'],
    [{ code: 'has space', percentOff: 10 }, 'input.code'],
    [{ code: 'x'.repeat(33), percentOff: 10 }, 'input.code'],
    [{ code: 'NEITHER' }, 'input.percentOff'],
    [{ code: 'BOTH', percentOff: 10, amountOff: 100, currency: 'usd' }, 'input.percentOff'],
    [{ code: 'PCT0', percentOff: 0 }, 'input.percentOff'],
    [{ code: 'PCT101', percentOff: 101 }, 'input.percentOff'],
    [{ code: 'PCTCUR', percentOff: 10, currency: 'usd' }, 'input.currency'],
    [{ code: 'AMT0', amountOff: 0, currency: 'usd' }, 'input.amountOff'],
    [{ code: 'AMTNOCUR', amountOff: 100 }, 'input.currency'],
    [{ code: 'AMTBADCUR', amountOff: 100, currency: 'xyz' }, 'input.currency'],
    [{ code: 'PAST', percentOff: 10, expiresAt: new Date(Date.now() - 1000) }, 'input.expiresAt'],
    [{ code: 'MAX0', percentOff: 10, maxRedemptions: 0 }, 'input.maxRedemptions'],
  ])('refuses %j with BAD_USER_INPUT on %s', async (input, field) => {
    await expect(createPromoCode(em(), input)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  });
});

describe('redeemPromoCode', () => {
  it('20 users redeeming at once a code limited to 5: exactly 5 succeed', async () => {
    const code = uniqueCode('limited');
    const promo = await createPromoCode(em(), { code, percentOff: 10, maxRedemptions: 5 });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => redeem(randomUUID(), code)));
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const outcome of refused) {
      const reason = (outcome as PromiseRejectedResult).reason as Error & { extensions: unknown };
      expect(reason).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.promoCode' } });
      expect(reason.message).toMatch(/fully redeemed/);
    }
    const [row] = await sql<{ redemptions: number }>(
      'select redemptions from billing.promo_code where id = ?',
      [promo.id],
    );
    expect(row!.redemptions).toBe(5);
    const [redemptions] = await sql<{ count: string }>(
      'select count(*) from billing.promo_redemption where promo_code_id = ?',
      [promo.id],
    );
    expect(Number(redemptions!.count)).toBe(5);
  });

  it('once per user, even when the same user races', async () => {
    const code = uniqueCode('once');
    await createPromoCode(em(), { code, percentOff: 10 });
    const userId = randomUUID();
    expect(await redeem(userId, code.toLowerCase())).toMatchObject({ redemptions: 1 });
    await expect(redeem(userId, code)).rejects.toThrow(/already used/);

    const racer = randomUUID();
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => redeem(racer, code)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [row] = await sql<{ redemptions: number }>(
      'select redemptions from billing.promo_code where code = ?',
      [code.toUpperCase()],
    );
    expect(row!.redemptions).toBe(2);
  });

  it('refuses unknown and expired codes, and an amount off in another currency', async () => {
    const refusal = { extensions: { code: 'BAD_USER_INPUT', field: 'input.promoCode' } };
    await expect(redeem(randomUUID(), 'NO-SUCH-CODE')).rejects.toMatchObject(refusal);
    await expect(redeem(randomUUID(), '!')).rejects.toMatchObject(refusal);

    const expired = uniqueCode('expired');
    await createPromoCode(em(), { code: expired, percentOff: 10, expiresAt: inAMonth() });
    await sql(`update billing.promo_code set expires_at = now() - interval '1 second' where code = ?`, [
      expired.toUpperCase(),
    ]);
    await expect(redeem(randomUUID(), expired)).rejects.toMatchObject(refusal);

    const flat = uniqueCode('flat');
    await createPromoCode(em(), { code: flat, amountOff: 500, currency: 'usd' });
    await expect(redeem(randomUUID(), flat, 'eur')).rejects.toMatchObject(refusal);
    expect(await redeem(randomUUID(), flat, 'USD')).toMatchObject({ redemptions: 1 });
    // A percentage applies in any currency.
    const percent = uniqueCode('pct');
    await createPromoCode(em(), { code: percent, percentOff: 50 });
    expect(await redeem(randomUUID(), percent, 'jpy')).toMatchObject({ redemptions: 1 });

    // Nothing refused was counted.
    const [row] = await sql<{ redemptions: number }>(
      'select redemptions from billing.promo_code where code = ?',
      [expired.toUpperCase()],
    );
    expect(row!.redemptions).toBe(0);
  });

  it("names the caller's field", async () => {
    await expect(
      em().transactional((tx) =>
        redeemPromoCode(tx, { userId: randomUUID(), code: 'NOPE-NOPE', field: 'promoCode' }),
      ),
    ).rejects.toMatchObject({ extensions: { field: 'promoCode' } });
  });

  it("rolls back with the caller's transaction, and a released redemption can be used again", async () => {
    const code = uniqueCode('undo');
    const promo = await createPromoCode(em(), { code, amountOff: 100, currency: 'usd', maxRedemptions: 1 });
    const userId = randomUUID();
    await expect(
      em().transactional(async (tx) => {
        await redeemPromoCode(tx, { userId, code });
        throw new Error('the payment could not be created');
      }),
    ).rejects.toThrow('the payment could not be created');
    expect(await redeem(userId, code)).toMatchObject({ redemptions: 1 });

    await releasePromoRedemption(em(), { userId, promoCodeId: promo.id });
    await releasePromoRedemption(em(), { userId, promoCodeId: promo.id }); // nothing more to release
    const [row] = await sql<{ redemptions: number }>(
      'select redemptions from billing.promo_code where id = ?',
      [promo.id],
    );
    expect(row!.redemptions).toBe(0);
    expect(await redeem(randomUUID(), code)).toMatchObject({ redemptions: 1 });
  });
});

describe('discountedAmount', () => {
  const percent = (percentOff: number) =>
    ({ percentOff, amountOff: null }) as Pick<PromoCode, 'percentOff' | 'amountOff'>;
  const amount = (amountOff: number) =>
    ({ percentOff: null, amountOff }) as Pick<PromoCode, 'percentOff' | 'amountOff'>;

  it('takes a percentage with the discount rounded down, and an amount never below 0', () => {
    expect(discountedAmount(percent(15), 999)).toBe(850); // 149.85 off → 149
    expect(discountedAmount(percent(33), 100)).toBe(67);
    expect(discountedAmount(percent(10), 5)).toBe(5); // 0.5 off → 0
    expect(discountedAmount(percent(100), 4_900)).toBe(0);
    expect(discountedAmount(percent(1), 99_999_999)).toBe(99_000_000);
    expect(discountedAmount(amount(500), 4_900)).toBe(4_400);
    expect(discountedAmount(amount(500), 300)).toBe(0);
    for (const promo of [percent(37), amount(3)]) {
      for (const price of [0, 1, 7, 1_234, 99_999_999])
        expect(Number.isInteger(discountedAmount(promo, price))).toBe(true);
    }
  });
});

describe('listPromoCodes', () => {
  it('pages newest first', async () => {
    const codes = [uniqueCode('page'), uniqueCode('page'), uniqueCode('page')];
    for (const code of codes) {
      await createPromoCode(em(), { code, percentOff: 5 });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const first = await listPromoCodes(em(), { first: 2 });
    expect(first.edges.map((edge) => edge.node.code)).toEqual(
      [codes[2], codes[1]].map((c) => c!.toUpperCase()),
    );
    const next = await listPromoCodes(em(), { first: 1, after: first.pageInfo.endCursor });
    expect(next.edges.map((edge) => edge.node.code)).toEqual([codes[0]!.toUpperCase()]);
  });
});

describe('promo code resolvers', () => {
  type Call = (parent: unknown, args: unknown, context: unknown) => Promise<unknown>;
  const call = (resolver: unknown, args: unknown, context: unknown) =>
    Promise.resolve().then(() => (resolver as Call)({}, args, context));
  const context = (role: 'user' | 'moderator' | 'admin') => ({
    viewer: { id: randomUUID(), role, sessionId: randomUUID(), token: 't' },
    em: em(),
  });

  it('createPromoCode and promoCodes are for admins only', async () => {
    const input = { code: uniqueCode('admin'), percentOff: 10 };
    for (const role of ['user', 'moderator'] as const) {
      await expect(call(promoMutations.createPromoCode, { input }, context(role))).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
      await expect(call(promoQueries.promoCodes, { first: 1 }, context(role))).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN' },
      });
    }
    await expect(call(promoMutations.createPromoCode, { input }, context('admin'))).resolves.toMatchObject({
      code: input.code.toUpperCase(),
    });
    const page = (await call(promoQueries.promoCodes, { first: 1 }, context('admin'))) as {
      edges: Array<{ node: { code: string } }>;
    };
    expect(page.edges[0]!.node.code).toBe(input.code.toUpperCase());
  });
});
