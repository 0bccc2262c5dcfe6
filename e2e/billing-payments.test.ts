import { randomUUID } from 'node:crypto';
import { promoteToAdmin } from './support/accounts';
import {
  type BillingLattice,
  gql,
  idempotencyKey,
  newCustomer,
  ok,
  startBillingLattice,
} from './support/billing';
import { postToSubgraph } from './support/subgraph-requests';

let billing: BillingLattice;
let admin: string;
beforeAll(async () => {
  billing = await startBillingLattice();
  const staff = await newCustomer(billing.lattice);
  admin = await promoteToAdmin(billing.lattice, staff.email);
});
afterAll(() => billing?.stop());

const PAY = `mutation($input: CreatePaymentIntentInput!, $key: String!) {
  createPaymentIntent(input: $input, idempotencyKey: $key) {
    id status amount currency amountRefunded declineCode stripePaymentIntentId
  }
}`;
const REFUND = `mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { amount reason currency } }`;
const PAYMENT = `query($id: ID!) { payment(id: $id) { id status amount amountRefunded refunds { amount reason } } }`;
const CREDITS = `{ me { credits { available purchased subscription held } } }`;

const sql = <T>(query: string, params: unknown[] = []) =>
  billing.lattice.subgraphs.billing!.orm.em.getConnection().execute<T[]>(query, params);
const count = async (table: string) =>
  Number((await sql<{ n: string }>(`select count(*) n from billing.${table}`))[0]!.n);

const pay = (token: string, input: Record<string, unknown>, key = idempotencyKey()) =>
  gql(billing.lattice, token, PAY, { input, key });

describe('payments through the gateway', () => {
  it('takes a card payment, refunds part of it, then the rest, and never more', async () => {
    const user = await newCustomer(billing.lattice);
    const { data } = await pay(user.token, {
      amount: 5_000,
      currency: 'USD',
      purpose: 'other',
      paymentMethod: 'pm_card_visa',
    });
    const payment = data.createPaymentIntent;
    expect(payment).toMatchObject({ status: 'succeeded', amount: 5_000, currency: 'usd' });

    const partial = await ok(billing.lattice, user.token, REFUND, {
      input: { paymentId: payment.id, amount: 2_000, reason: 'requested_by_customer' },
    });
    expect(partial.refundPayment).toEqual({
      amount: 2_000,
      reason: 'requested_by_customer',
      currency: 'usd',
    });
    const over = await gql(billing.lattice, user.token, REFUND, {
      input: { paymentId: payment.id, amount: 3_001, reason: 'duplicate' },
    });
    expect(over.errors?.[0]).toMatchObject({
      message: 'input.amount: at most 3000 remains to refund',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.amount' },
    });
    const rest = await ok(billing.lattice, user.token, REFUND, {
      input: { paymentId: payment.id, reason: 'duplicate' },
    });
    expect(rest.refundPayment.amount).toBe(3_000);
    const again = await gql(billing.lattice, user.token, REFUND, {
      input: { paymentId: payment.id, reason: 'duplicate' },
    });
    expect(again.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    await billing.simulator.deliveries.idle();
    const stored = (await ok(billing.lattice, user.token, PAYMENT, { id: payment.id })).payment;
    expect(stored).toMatchObject({ amountRefunded: 5_000 });
    expect(stored.refunds).toEqual([
      { amount: 2_000, reason: 'requested_by_customer' },
      { amount: 3_000, reason: 'duplicate' },
    ]);
    const charge = await billing.stripe.paymentIntents.retrieve(payment.stripePaymentIntentId, {
      expand: ['latest_charge'],
    });
    expect((charge.latest_charge as { amount_refunded: number }).amount_refunded).toBe(5_000);
  });

  it('reports a declined card with its reason and keeps the payment open for another card', async () => {
    const user = await newCustomer(billing.lattice);
    const declined = await pay(user.token, {
      amount: 1_500,
      currency: 'eur',
      purpose: 'other',
      paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds',
    });
    expect(declined.errors?.[0]).toMatchObject({
      message: 'Your card has insufficient funds.',
      extensions: { code: 'PAYMENT_FAILED', declineCode: 'insufficient_funds' },
    });
    const paymentId = declined.errors![0].extensions.paymentId;
    expect((await ok(billing.lattice, user.token, PAYMENT, { id: paymentId })).payment.status).toBe('failed');
    const retried = await ok(
      billing.lattice,
      user.token,
      'mutation($id: ID!) { confirmPayment(id: $id, paymentMethod: "pm_card_visa") { status declineCode } }',
      { id: paymentId },
    );
    expect(retried.confirmPayment).toEqual({ status: 'succeeded', declineCode: null });
  });

  it('creates one PaymentIntent for a retried mutation, even when the first answer was lost', async () => {
    const user = await newCustomer(billing.lattice);
    const key = idempotencyKey();
    // The first attempt reached Stripe, and its answers never came back to billing.
    const customer = await billing.stripe.customers.create(
      { metadata: { userId: user.id } },
      { idempotencyKey: `lattice:customer:${user.id}` },
    );
    const lost = await billing.stripe.paymentIntents.create(
      {
        amount: 2_000,
        currency: 'usd',
        customer: customer.id,
        metadata: { userId: user.id, purpose: 'other' },
      },
      { idempotencyKey: `lattice:payment:${user.id}:${key}` },
    );
    const before = billing.simulator.created('payment_intent');
    const input = { amount: 2_000, currency: 'usd', purpose: 'other' };
    const [first, second] = await Promise.all([pay(user.token, input, key), pay(user.token, input, key)]);
    expect(first.data.createPaymentIntent.stripePaymentIntentId).toBe(lost.id);
    expect(second.data.createPaymentIntent.id).toBe(first.data.createPaymentIntent.id);
    expect(billing.simulator.created('payment_intent')).toBe(before);
    expect(
      Number(
        (await sql<{ n: string }>('select count(*) n from billing.payment where user_id = ?', [user.id]))[0]!
          .n,
      ),
    ).toBe(1);
  });

  it('refuses zero, negative, absurd amounts and unknown currencies, writing nothing', async () => {
    const user = await newCustomer(billing.lattice);
    const payments = await count('payment');
    const intents = billing.simulator.created('payment_intent');
    for (const [input, field] of [
      [{ amount: 0, currency: 'usd', purpose: 'other' }, 'input.amount'],
      [{ amount: -100, currency: 'usd', purpose: 'other' }, 'input.amount'],
      [{ amount: 2_000_000_000, currency: 'usd', purpose: 'other' }, 'input.amount'],
      [{ amount: 1_000, currency: 'xyz', purpose: 'other' }, 'input.currency'],
      [{ amount: 1_000, purpose: 'other' }, 'input.currency'],
      [{ purpose: 'credits', creditPack: 'credits-9999' }, 'input.creditPack'],
      [{ purpose: 'credits', creditPack: 'credits-10', amount: 1 }, 'input.amount'],
    ] as const) {
      const { errors } = await pay(user.token, input);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count('payment')).toBe(payments);
    expect(billing.simulator.created('payment_intent')).toBe(intents);
  });

  it('buys credits (delivered once) and lets exactly 10 of 20 concurrent spends through', async () => {
    const user = await newCustomer(billing.lattice);
    await ok(billing.lattice, user.token, PAY, {
      input: { purpose: 'credits', creditPack: 'credits-10', paymentMethod: 'pm_card_visa' },
      key: idempotencyKey(),
    });
    await billing.simulator.deliveries.idle();
    expect((await ok(billing.lattice, user.token, CREDITS)).me.credits).toMatchObject({
      available: 10,
      purchased: 10,
    });
    const spends = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(
          billing.lattice,
          user.token,
          'mutation($key: String!) { spendCredits(amount: 1, reason: "race", idempotencyKey: $key) { available } }',
          {
            key: `race-${i}`,
          },
        ),
      ),
    );
    expect(spends.filter((answer) => !answer.errors).length).toBe(10);
    expect(spends.filter((answer) => answer.errors?.[0].extensions.code === 'QUOTA_EXCEEDED').length).toBe(
      10,
    );
    expect((await ok(billing.lattice, user.token, CREDITS)).me.credits.available).toBe(0);
  });

  it('redeems a promo code limited to 5 exactly 5 times among 20 concurrent buyers', async () => {
    const code = `RACE${randomUUID().slice(0, 6)}`.toUpperCase();
    await ok(
      billing.lattice,
      admin,
      'mutation($input: CreatePromoCodeInput!) { createPromoCode(input: $input) { code redemptions } }',
      { input: { code, percentOff: 20, maxRedemptions: 5 } },
    );
    const buyers = await Promise.all(Array.from({ length: 20 }, () => newCustomer(billing.lattice)));
    const answers = await Promise.all(
      buyers.map((buyer) =>
        pay(buyer.token, { amount: 10_000, currency: 'usd', purpose: 'other', promoCode: code }),
      ),
    );
    const paid = answers.filter((answer) => !answer.errors);
    expect(paid.length).toBe(5);
    expect(paid.every((answer) => answer.data.createPaymentIntent.amount === 8_000)).toBe(true);
    const codes = await ok(
      billing.lattice,
      admin,
      '{ promoCodes(first: 50) { edges { node { code redemptions } } } }',
    );
    expect(codes.promoCodes.edges.map((edge: any) => edge.node)).toContainEqual({ code, redemptions: 5 });
  });
});

describe("no user reaches another user's billing", () => {
  it('hides payments, refuses refunds and billing of others, and keeps admin queries for admins', async () => {
    const owner = await newCustomer(billing.lattice);
    const stranger = await newCustomer(billing.lattice);
    const { data } = await pay(owner.token, {
      amount: 1_000,
      currency: 'usd',
      purpose: 'other',
      paymentMethod: 'pm_card_visa',
    });
    const paymentId = data.createPaymentIntent.id;

    expect((await ok(billing.lattice, stranger.token, PAYMENT, { id: paymentId })).payment).toBeNull();
    const refund = await gql(billing.lattice, stranger.token, REFUND, {
      input: { paymentId, reason: 'fraudulent' },
    });
    expect(refund.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const confirm = await gql(
      billing.lattice,
      stranger.token,
      'mutation($id: ID!) { confirmPayment(id: $id, paymentMethod: "pm_card_visa") { id } }',
      { id: paymentId },
    );
    expect(confirm.errors?.[0].extensions.code).toBe('NOT_FOUND');

    const entities = await postToSubgraph(
      billing.lattice,
      'billing',
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Payment { id amount } ... on User { id billing { plan { id } } } } }`,
        variables: {
          r: [
            { __typename: 'Payment', id: paymentId },
            { __typename: 'User', id: owner.id },
          ],
        },
      },
      { authorization: `Bearer ${stranger.token}` },
    );
    const answer = (await entities.json()) as any;
    expect(answer.data._entities[0]).toBeNull();
    expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const stats = await gql(
      billing.lattice,
      owner.token,
      '{ billingStatistics { payments { status count } } }',
    );
    expect(stats.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const refunded = await ok(billing.lattice, admin, REFUND, {
      input: { paymentId, amount: 100, reason: 'fraudulent' },
    });
    expect(refunded.refundPayment.amount).toBe(100);
    const totals = await ok(
      billing.lattice,
      admin,
      '{ billingStatistics { payments { status currency count amount refunded } } }',
    );
    expect(totals.billingStatistics.payments).toContainEqual(
      expect.objectContaining({ status: 'succeeded', currency: 'usd' }),
    );
  });
});
