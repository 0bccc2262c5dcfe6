import { randomUUID } from 'node:crypto';
import {
  startTestSubgraph,
  type TestSubgraph,
  startTokenIssuer,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import { analytics } from '../src/subgraph';
import { payment, planChange, refund } from './support/billing';
import { post } from './support/graphql';

let fixture: TestSubgraph;
let issuer: TokenIssuer;
let admin: string;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  fixture = await startTestSubgraph(analytics, { JWKS_URL: issuer.jwksUrl });
  admin = await issuer.token('admin');
});
afterAll(async () => {
  await fixture?.stop();
  await issuer?.close();
});

// null: anonymous
const query = (document: string, variables: unknown = {}, token: string | null = admin) =>
  post(fixture.subgraph.url, document, variables, token ?? undefined);

const publish = async (...events: Parameters<TestSubgraph['bus']['publish']>[0][]) => {
  for (const event of events) await fixture.bus.publish(event);
};

const FIGURES = 'currency gross { currency amount } refunds { currency amount } net { currency amount }';
const REVENUE = `query($from: Date!, $to: Date!, $currency: String) {
  revenue(from: $from, to: $to, currency: $currency) {
    totals { ${FIGURES} } overTime { date ${FIGURES} } byPlan { plan ${FIGURES} } } }`;
const MRR = `query($currency: String) { mrr(currency: $currency) {
  currency amount { currency amount } subscribers byPlan { plan amount { amount } subscribers } } }`;
const CLV = `query($currency: String, $first: Int, $after: String) {
  customerLifetimeValue(currency: $currency) {
    currency customers total { currency amount } average { currency amount }
    topCustomers(first: $first, after: $after) {
      edges { cursor node { user { id } gross { amount } refunded { amount } net { currency amount }
        firstPaidAt lastPaidAt } }
      pageInfo { hasNextPage endCursor } } } }`;

/** Revenue figures with each amount as `gross/refunds/net` strings, for short expectations. */
type Figures = {
  currency: string;
  gross: { amount: string };
  refunds: { amount: string };
  net: { amount: string };
};
const short = ({ currency, gross, refunds, net, ...rest }: Figures & Record<string, unknown>) => ({
  ...rest,
  [currency]: `${gross.amount}/${refunds.amount}/${net.amount}`,
});

async function revenue(from: string, to: string, currency?: string) {
  const { data, errors } = await query(REVENUE, { from, to, currency });
  expect(errors).toBeUndefined();
  // Every amount carries the currency of its row.
  for (const row of [...data.revenue.totals, ...data.revenue.overTime, ...data.revenue.byPlan]) {
    for (const money of [row.gross, row.refunds, row.net]) expect(money.currency).toBe(row.currency);
  }
  return {
    totals: data.revenue.totals.map(short),
    overTime: data.revenue.overTime.map(short),
    byPlan: data.revenue.byPlan.map(short),
  };
}

async function mrr(currency?: string) {
  const { data, errors } = await query(MRR, { currency });
  expect(errors).toBeUndefined();
  return data.mrr as Array<{
    currency: string;
    amount: { currency: string; amount: string };
    subscribers: number;
    byPlan: Array<{ plan: string; amount: { amount: string }; subscribers: number }>;
  }>;
}

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991

describe('revenue', () => {
  // Each test uses its own years and currencies, so they hold in any order.
  it('totals each currency exactly, beyond what a double or an Int holds, and never mixes them', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await publish(
      payment(a, MAX, 'usd', '2030-01-01T00:00:00.000Z', { plan: 'enterprise' }),
      payment(b, MAX, 'usd', '2030-01-01T23:59:59.999Z', { plan: 'enterprise' }),
      payment(a, 1, 'usd', '2030-01-02T12:00:00.000Z'),
      payment(b, 1999, 'eur', '2030-01-02T12:00:00.000Z', { plan: 'pro' }),
      payment(a, 500, 'jpy', '2030-01-03T12:00:00.000Z'),
      // Outside the range.
      payment(a, 777, 'usd', '2029-12-31T23:59:59.999Z'),
      payment(a, 777, 'usd', '2030-01-04T00:00:00.000Z'),
    );

    const report = await revenue('2030-01-01', '2030-01-03');
    // 2 × (2^53 - 1) + 1: a double would read 18014398509481984.
    expect(report.totals).toEqual([
      { eur: '1999/0/1999' },
      { jpy: '500/0/500' },
      { usd: '18014398509481983/0/18014398509481983' },
    ]);
    expect(report.overTime).toEqual([
      { date: '2030-01-01', eur: '0/0/0' },
      { date: '2030-01-01', jpy: '0/0/0' },
      { date: '2030-01-01', usd: '18014398509481982/0/18014398509481982' },
      { date: '2030-01-02', eur: '1999/0/1999' },
      { date: '2030-01-02', jpy: '0/0/0' },
      { date: '2030-01-02', usd: '1/0/1' },
      { date: '2030-01-03', eur: '0/0/0' },
      { date: '2030-01-03', jpy: '500/0/500' },
      { date: '2030-01-03', usd: '0/0/0' },
    ]);
    expect(report.byPlan).toEqual([
      { plan: 'pro', eur: '1999/0/1999' },
      { plan: null, jpy: '500/0/500' },
      { plan: 'enterprise', usd: '18014398509481982/0/18014398509481982' },
      { plan: null, usd: '1/0/1' },
    ]);

    // One currency (any case), and one without revenue: zeros, not nothing.
    const eur = await revenue('2030-01-01', '2030-01-02', 'EUR');
    expect(eur).toEqual({
      totals: [{ eur: '1999/0/1999' }],
      overTime: [
        { date: '2030-01-01', eur: '0/0/0' },
        { date: '2030-01-02', eur: '1999/0/1999' },
      ],
      byPlan: [{ plan: 'pro', eur: '1999/0/1999' }],
    });
    expect(await revenue('2030-01-01', '2030-01-01', 'gbp')).toEqual({
      totals: [{ gbp: '0/0/0' }],
      overTime: [{ date: '2030-01-01', gbp: '0/0/0' }],
      byPlan: [],
    });
  });

  it("counts a refund on its own day, against its payment's plan", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const paid = payment(a, 5000, 'usd', '2031-03-01T10:00:00.000Z', { plan: 'pro' });
    await publish(
      paid,
      refund(a, paid.data.paymentId, 2000, 'usd', '2031-03-03T09:00:00.000Z'),
      // The refund of a payment analytics never saw: no plan to charge it to.
      refund(b, 'pi_never_seen', 300, 'usd', '2031-03-03T12:00:00.000Z'),
    );

    const report = await revenue('2031-03-01', '2031-03-03', 'usd');
    expect(report.overTime).toEqual([
      { date: '2031-03-01', usd: '5000/0/5000' },
      { date: '2031-03-02', usd: '0/0/0' },
      { date: '2031-03-03', usd: '0/2300/-2300' },
    ]);
    expect(report.totals).toEqual([{ usd: '5000/2300/2700' }]);
    expect(report.byPlan).toEqual([
      { plan: 'pro', usd: '5000/2000/3000' },
      { plan: null, usd: '0/300/-300' },
    ]);
    // The refund's day alone: the payment's day is not touched.
    expect((await revenue('2031-03-03', '2031-03-03')).totals).toEqual([{ usd: '0/2300/-2300' }]);
  });

  it('counts an event delivered twice, and a payment published twice, once', async () => {
    const user = randomUUID();
    const paid = payment(user, 1234, 'usd', '2033-05-05T10:00:00.000Z', { plan: 'pro' });
    const refunded = refund(user, paid.data.paymentId, 234, 'usd', '2033-05-06T10:00:00.000Z');
    const subscribed = planChange(user, 'subscribed', 'pro', 1234, 'isk', '2033-05-05T10:00:00.000Z');
    await publish(paid, paid, refunded, subscribed, refunded, subscribed, paid);
    // Billing publishing the same payment again, in a new envelope.
    await publish({ ...paid, id: randomUUID() });

    expect((await revenue('2033-05-05', '2033-05-06')).totals).toEqual([{ usd: '1234/234/1000' }]);
    expect(await mrr('isk')).toEqual([
      {
        currency: 'isk',
        amount: { currency: 'isk', amount: '1234' },
        subscribers: 1,
        byPlan: [{ plan: 'pro', amount: { amount: '1234' }, subscribers: 1 }],
      },
    ]);
    const customers = await fixture.subgraph.orm.em
      .getConnection()
      .execute<Array<{ gross: string; refunded: string; net: string }>>(
        'select gross, refunded, net from analytics.customer_revenue where user_id = ?',
        [user],
      );
    expect(customers).toEqual([{ gross: '1234', refunded: '234', net: '1000' }]);
  });
});

describe('monthly recurring revenue', () => {
  it('follows plan changes, up, down and canceled, and ignores a change older than the stored one', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const sek = async () => {
      const [entry] = await mrr('sek');
      return {
        amount: entry!.amount.amount,
        subscribers: entry!.subscribers,
        byPlan: entry!.byPlan.map((plan) => [plan.plan, plan.amount.amount, plan.subscribers]),
      };
    };
    await publish(
      planChange(a, 'subscribed', 'pro', 2000, 'sek', '2032-01-01T00:00:00.000Z'),
      planChange(b, 'subscribed', 'pro', 2000, 'sek', '2032-01-01T00:00:00.000Z'),
      planChange(c, 'subscribed', 'business', 5000, 'nok', '2032-01-01T00:00:00.000Z'),
    );
    expect(await sek()).toEqual({ amount: '4000', subscribers: 2, byPlan: [['pro', '4000', 2]] });

    await publish(planChange(a, 'upgraded', 'business', 5000, 'sek', '2032-02-01T00:00:00.000Z'));
    expect(await sek()).toEqual({
      amount: '7000',
      subscribers: 2,
      byPlan: [
        ['business', '5000', 1],
        ['pro', '2000', 1],
      ],
    });

    await publish(planChange(a, 'downgraded', 'pro', 2000, 'sek', '2032-03-01T00:00:00.000Z'));
    expect(await sek()).toEqual({ amount: '4000', subscribers: 2, byPlan: [['pro', '4000', 2]] });

    await publish(planChange(b, 'canceled', 'pro', 0, 'sek', '2032-03-01T00:00:00.000Z'));
    expect(await sek()).toEqual({ amount: '2000', subscribers: 1, byPlan: [['pro', '2000', 1]] });

    // Delivered late: older than a's downgrade and b's cancellation, so nothing changes.
    await publish(
      planChange(a, 'upgraded', 'business', 9000, 'sek', '2032-02-15T00:00:00.000Z'),
      planChange(b, 'resumed', 'pro', 2000, 'sek', '2032-02-15T00:00:00.000Z'),
    );
    expect(await sek()).toEqual({ amount: '2000', subscribers: 1, byPlan: [['pro', '2000', 1]] });

    // Every currency, by code.
    const all = await mrr();
    expect(all.map((entry) => entry.currency)).toEqual([...all.map((entry) => entry.currency)].sort());
    expect(all.filter((entry) => ['nok', 'sek'].includes(entry.currency))).toEqual([
      {
        currency: 'nok',
        amount: { currency: 'nok', amount: '5000' },
        subscribers: 1,
        byPlan: [{ plan: 'business', amount: { amount: '5000' }, subscribers: 1 }],
      },
      {
        currency: 'sek',
        amount: { currency: 'sek', amount: '2000' },
        subscribers: 1,
        byPlan: [{ plan: 'pro', amount: { amount: '2000' }, subscribers: 1 }],
      },
    ]);

    // The last subscriber leaves: the currency asked for reads zero.
    await publish(planChange(c, 'ended', 'business', 0, 'nok', '2032-04-01T00:00:00.000Z'));
    expect(await mrr('nok')).toEqual([
      { currency: 'nok', amount: { currency: 'nok', amount: '0' }, subscribers: 0, byPlan: [] },
    ]);
  });
});

describe('customer lifetime value', () => {
  it('averages net payments per customer and ranks customers, paginated without gaps or repeats', async () => {
    const [u1, u2, u3, u4, u5] = Array.from({ length: 5 }, () => randomUUID());
    const u2Paid = payment(u2!, 3000, 'dkk', '2034-01-05T00:00:00.000Z');
    await publish(
      // u1's later payment first: first and last stay right whatever the order.
      payment(u1!, 500, 'dkk', '2034-02-01T00:00:00.000Z'),
      payment(u1!, 1000, 'dkk', '2034-01-01T00:00:00.000Z'),
      u2Paid,
      refund(u2!, u2Paid.data.paymentId, 1000, 'dkk', '2034-03-01T00:00:00.000Z'),
      payment(u3!, 100, 'dkk', '2034-01-01T00:00:00.000Z'),
      payment(u4!, 2000, 'dkk', '2034-01-01T00:00:00.000Z'),
      // Refunded without a payment analytics saw: not a customer.
      refund(u5!, 'pi_never_seen', 50, 'dkk', '2034-01-01T00:00:00.000Z'),
      payment(u1!, 1, 'pln', '2034-01-01T00:00:00.000Z'),
      payment(u2!, 2, 'pln', '2034-01-01T00:00:00.000Z'),
    );

    const seen: Array<[string, string]> = [];
    let after: string | null = null;
    let pages = 0;
    let summary: any;
    do {
      const { data, errors } = await query(CLV, { currency: 'dkk', first: 2, after });
      expect(errors).toBeUndefined();
      [summary] = data.customerLifetimeValue;
      const { edges, pageInfo } = summary.topCustomers;
      seen.push(...edges.map((edge: any) => [edge.node.user.id, edge.node.net.amount] as [string, string]));
      if (!pages) {
        // The first page's nodes in full.
        const ties = [u2!, u4!].sort();
        expect(edges.map((edge: any) => edge.node)).toEqual(
          ties.map((id) => ({
            user: { id },
            gross: { amount: id === u2 ? '3000' : '2000' },
            refunded: { amount: id === u2 ? '1000' : '0' },
            net: { currency: 'dkk', amount: '2000' },
            firstPaidAt: id === u2 ? '2034-01-05T00:00:00.000Z' : '2034-01-01T00:00:00.000Z',
            lastPaidAt: id === u2 ? '2034-01-05T00:00:00.000Z' : '2034-01-01T00:00:00.000Z',
          })),
        );
      }
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages += 1;
    } while (after);

    expect(summary).toMatchObject({
      currency: 'dkk',
      customers: 4,
      total: { currency: 'dkk', amount: '5600' },
      average: { currency: 'dkk', amount: '1400' },
    });
    expect(pages).toBe(2);
    expect(seen).toEqual([...[u2!, u4!].sort().map((id) => [id, '2000']), [u1, '1500'], [u3, '100']]);
    const u1Node = await query(CLV, { currency: 'dkk', first: 3 });
    expect(u1Node.data.customerLifetimeValue[0].topCustomers.edges[2].node).toMatchObject({
      user: { id: u1 },
      firstPaidAt: '2034-01-01T00:00:00.000Z',
      lastPaidAt: '2034-02-01T00:00:00.000Z',
    });

    // Every currency at once, each ranked on its own; averages round halves away from zero.
    const { data } = await query(CLV, { first: 1 });
    const pln = data.customerLifetimeValue.find((entry: any) => entry.currency === 'pln');
    expect(pln).toMatchObject({ customers: 2, total: { amount: '3' }, average: { amount: '2' } });
    expect(pln.topCustomers.edges.map((edge: any) => edge.node.user.id)).toEqual([u2]);
    // A currency without customers reads zero.
    const none = await query(CLV, { currency: 'huf' });
    expect(none.data.customerLifetimeValue).toEqual([
      {
        currency: 'huf',
        customers: 0,
        total: { currency: 'huf', amount: '0' },
        average: { currency: 'huf', amount: '0' },
        topCustomers: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
      },
    ]);
  });
});

describe('revenue queries refuse', () => {
  const range = { from: '2030-01-01', to: '2030-01-02' };
  const documents = [
    [REVENUE, range],
    [MRR, {}],
    [CLV, {}],
  ] as const;

  it('non-admins: FORBIDDEN to users and moderators, UNAUTHENTICATED to anonymous callers', async () => {
    const moderator = await issuer.token('moderator');
    const user = await issuer.token('user');
    for (const [document, variables] of documents) {
      for (const token of [user, moderator]) {
        const { data, errors } = await query(document, variables, token);
        expect(data).toBeNull();
        expect(errors![0].extensions.code).toBe('FORBIDDEN');
      }
      const { data, errors } = await query(document, variables, null);
      expect(data).toBeNull();
      expect(errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a currency that is not an ISO 4217 code, a bad range, a bad cursor and an oversized page', async () => {
    for (const [document, variables] of documents) {
      const { errors } = await query(document, { ...variables, currency: 'dollars' });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency' });
    }
    const backwards = await query(REVENUE, { from: '2030-01-02', to: '2030-01-01' });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const cursor = await query(CLV, { currency: 'usd', after: 'junk' });
    expect(cursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const first = await query(CLV, { currency: 'usd', first: 101 });
    expect(first.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
