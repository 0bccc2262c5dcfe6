import { randomUUID } from 'node:crypto';
import { createLogger } from '@lattice/server-kit';
import Stripe from 'stripe';
import { promoteToAdmin } from './support/accounts';
import {
  type BillingLattice,
  gql,
  idempotencyKey,
  newCustomer,
  ok,
  startBillingLattice,
} from './support/billing';
import { logCapture } from './support/otlp-collector';
import { postToSubgraph } from './support/subgraph-requests';

// An outsider and a careless client against billing, through the gateway and straight at the
// subgraph. The last test stops Stripe, so it stays last.
let billing: BillingLattice;
let admin: string;
const logs = logCapture();
beforeAll(async () => {
  billing = await startBillingLattice({ logger: createLogger('lattice', 'debug', logs.stream) });
  const staff = await newCustomer(billing.lattice);
  admin = await promoteToAdmin(billing.lattice, staff.email);
});
afterAll(() => billing?.stop());

type Customer = Awaited<ReturnType<typeof newCustomer>>;

const PAY = `mutation($input: CreatePaymentIntentInput!, $key: String!) {
  createPaymentIntent(input: $input, idempotencyKey: $key) { id status amount currency stripePaymentIntentId }
}`;
const REFUND = `mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { amount } }`;
const SUBSCRIBE = `mutation($input: SubscribeToPlanInput!) { subscribeToPlan(input: $input) { id status plan { id } } }`;
const CREATE_PROMO = `mutation($input: CreatePromoCodeInput!) { createPromoCode(input: $input) { id code } }`;
const CONFIRM = `mutation($id: ID!, $pm: String!) { confirmPayment(id: $id, paymentMethod: $pm) { id status } }`;
const SPEND = `mutation($amount: Int!, $key: String!) { spendCredits(amount: $amount, reason: "test", idempotencyKey: $key) { available } }`;
const HOLD = `mutation($amount: Int!, $ref: String!) { holdCredits(amount: $amount, reference: $ref) { id amount status } }`;
const CREDITS = `{ me { credits { available held } } }`;

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  billing.lattice.subgraphs.billing!.orm.em.getConnection().execute<T[]>(query, params);
const count = async (table: string, where = 'true', params: unknown[] = []) =>
  Number((await sql<{ n: string }>(`select count(*) n from billing.${table} where ${where}`, params))[0]!.n);

const pay = (token: string, input: Record<string, unknown>, key = idempotencyKey()) =>
  gql(billing.lattice, token, PAY, { input, key });
const paid = async (user: Customer, amount = 5_000) =>
  (
    await ok(billing.lattice, user.token, PAY, {
      input: { amount, currency: 'usd', purpose: 'other', paymentMethod: 'pm_card_visa' },
      key: idempotencyKey(),
    })
  ).createPaymentIntent as { id: string; stripePaymentIntentId: string };

const newPromo = async (input: Record<string, unknown>) => {
  const code = `ATK-${randomUUID().slice(0, 8)}`.toUpperCase();
  await ok(billing.lattice, admin, CREATE_PROMO, { input: { code, ...input } });
  return code;
};
const redemptions = async (code: string) =>
  Number(
    (await sql<{ n: number }>('select redemptions n from billing.promo_code where code = ?', [code]))[0]!.n,
  );

const atSubgraph = async (token: string | undefined, query: string, variables: Record<string, unknown>) =>
  (await (
    await postToSubgraph(
      billing.lattice,
      'billing',
      { query, variables },
      token ? { authorization: `Bearer ${token}` } : {},
    )
  ).json()) as { data?: any; errors?: any[] };

const signed = (payload: string) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: billing.webhookSecret });
const postWebhook = (payload: string, signature?: string) =>
  fetch(billing.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body: payload,
  });
const stripeEvent = (type: string, object: Record<string, unknown>) =>
  JSON.stringify({
    id: `evt_attack_${randomUUID()}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  });

describe("another user's billing", () => {
  it('resolves every billing entity of another user to null and refuses every private User field, at the subgraph', async () => {
    const owner = await newCustomer(billing.lattice);
    const stranger = await newCustomer(billing.lattice);
    const payment = await paid(owner);
    const subscription = (
      await ok(billing.lattice, owner.token, SUBSCRIBE, {
        input: { plan: 'pro', paymentMethod: 'pm_card_visa' },
      })
    ).subscribeToPlan;
    await billing.simulator.deliveries.idle();
    const invoices = await ok(
      billing.lattice,
      owner.token,
      '{ me { billingInvoices(first: 5) { edges { node { id } } } } }',
    );
    const invoiceId = invoices.me.billingInvoices.edges[0].node.id;

    for (const token of [stranger.token, undefined]) {
      const entities = await atSubgraph(
        token,
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Payment { id amount clientSecret } ... on PlanSubscription { id status }
          ... on BillingInvoice { id hostedInvoiceUrl } } }`,
        {
          r: [
            { __typename: 'Payment', id: payment.id },
            { __typename: 'PlanSubscription', id: subscription.id },
            { __typename: 'BillingInvoice', id: invoiceId },
          ],
        },
      );
      expect(entities).toEqual({ data: { _entities: [null, null, null] } });
      for (const field of [
        'billing { plan { id } }',
        'usage { meter used }',
        'credits { available }',
        'creditLedger(first: 5) { edges { node { id } } }',
        'memberships { id }',
        'payments(first: 5) { edges { node { id } } }',
        'billingInvoices(first: 5) { edges { node { id } } }',
      ]) {
        const answer = await atSubgraph(
          token,
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id ${field} } } }`,
          { r: [{ __typename: 'User', id: owner.id }] },
        );
        expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
        expect(JSON.stringify(answer.data)).not.toContain(payment.id);
      }
    }
  });

  it("cannot release or capture another user's credit hold", async () => {
    const owner = await newCustomer(billing.lattice);
    const stranger = await newCustomer(billing.lattice);
    await ok(
      billing.lattice,
      admin,
      'mutation($u: ID!) { grantCredits(userId: $u, amount: 10, reason: "t") { available } }',
      {
        u: owner.id,
      },
    );
    const hold = (await ok(billing.lattice, owner.token, HOLD, { amount: 5, ref: 'booking-1' })).holdCredits;
    for (const mutation of ['releaseCreditHold', 'captureCreditHold']) {
      const answer = await gql(
        billing.lattice,
        stranger.token,
        `mutation($id: ID!) { ${mutation}(id: $id) { id } }`,
        {
          id: hold.id,
        },
      );
      expect(answer.errors?.[0].extensions.code).toBe('NOT_FOUND');
    }
    expect((await ok(billing.lattice, owner.token, CREDITS)).me.credits).toEqual({ available: 5, held: 5 });
    expect((await ok(billing.lattice, stranger.token, CREDITS)).me.credits).toEqual({
      available: 0,
      held: 0,
    });
  });
});

describe('ids that name nothing here', () => {
  it('answers null or NOT_FOUND for ids that are not ids of this service, never an internal error', async () => {
    const user = await newCustomer(billing.lattice);
    const payment = await paid(user);
    const read = await gql(billing.lattice, user.token, 'query($id: ID!) { payment(id: $id) { id } }', {
      id: 'not-a-uuid',
    });
    expect(read).toEqual({ data: { payment: null } });
    const confirm = await gql(billing.lattice, user.token, CONFIRM, { id: 'not-a-uuid', pm: 'pm_card_visa' });
    expect(confirm.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const entities = await atSubgraph(
      user.token,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Payment { id } ... on PlanSubscription { id } ... on BillingInvoice { id } } }`,
      {
        r: [
          { __typename: 'Payment', id: 'pi_0' },
          { __typename: 'Payment', id: payment.id },
          { __typename: 'PlanSubscription', id: '1 or 1=1' },
          { __typename: 'BillingInvoice', id: '' },
        ],
      },
    );
    expect(entities).toEqual({ data: { _entities: [null, { id: payment.id }, null, null] } });
  });

  it('answers a forged page cursor BAD_USER_INPUT on after, on every list', async () => {
    const user = await newCustomer(billing.lattice);
    await paid(user);
    const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    for (const list of ['payments', 'billingInvoices', 'creditLedger']) {
      for (const after of [
        forged(['x', 'y']),
        forged([1, 2]),
        forged(['2026-01-01T00:00:00.000Z', 'no-uuid']),
      ]) {
        const { errors } = await gql(
          billing.lattice,
          user.token,
          `query($after: String) { me { ${list}(after: $after) { edges { cursor } } } }`,
          { after },
        );
        expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    }
  });
});

describe('refunds', () => {
  it('lets no set of concurrent partial refunds return more than was paid', async () => {
    const user = await newCustomer(billing.lattice);
    const payment = await paid(user, 5_000);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        gql(billing.lattice, user.token, REFUND, {
          input: { paymentId: payment.id, amount: 1_500, reason: 'requested_by_customer' },
        }),
      ),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(3);
    for (const refused of answers.filter((answer) => answer.errors)) {
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    }
    await billing.simulator.deliveries.idle();
    const [row] = await sql<{ amount_refunded: number }>(
      'select amount_refunded from billing.payment where id = ?',
      [payment.id],
    );
    expect(row!.amount_refunded).toBe(4_500);
    expect(await count('refund', 'payment_id = ?', [payment.id])).toBe(3);
    const intent = await billing.stripe.paymentIntents.retrieve(payment.stripePaymentIntentId, {
      expand: ['latest_charge'],
    });
    expect((intent.latest_charge as Stripe.Charge).amount_refunded).toBe(4_500);
  });

  it('answers a refund of what Stripe already refunded (its dashboard, webhook late) on input.amount', async () => {
    const user = await newCustomer(billing.lattice);
    const payment = await paid(user, 5_000);
    billing.simulator.deliveries.configure({ hold: true });
    try {
      await billing.stripe.refunds.create({ payment_intent: payment.stripePaymentIntentId, amount: 4_000 });
      const { errors } = await gql(billing.lattice, user.token, REFUND, {
        input: { paymentId: payment.id, reason: 'requested_by_customer' },
      });
      expect(errors?.[0]).toMatchObject({
        message: expect.stringContaining('greater than unrefunded amount'),
        extensions: { code: 'BAD_USER_INPUT', field: 'input.amount' },
      });
      expect(await count('refund', 'payment_id = ?', [payment.id])).toBe(0);
    } finally {
      billing.simulator.deliveries.configure({ hold: false });
      await billing.simulator.deliveries.flush();
    }
    const rest = await ok(billing.lattice, user.token, REFUND, {
      input: { paymentId: payment.id, reason: 'requested_by_customer' },
    });
    expect(rest.refundPayment.amount).toBe(1_000);
  });

  it('keeps users from refunding credits or a membership they already received (admins may)', async () => {
    const user = await newCustomer(billing.lattice);
    const bought = [];
    for (const input of [
      { purpose: 'credits', creditPack: 'credits-50', paymentMethod: 'pm_card_visa' },
      { purpose: 'membership', membershipPackage: 'gym-monthly', paymentMethod: 'pm_card_visa' },
    ]) {
      bought.push(
        (await ok(billing.lattice, user.token, PAY, { input, key: idempotencyKey() })).createPaymentIntent,
      );
    }
    for (const payment of bought) {
      const { errors } = await gql(billing.lattice, user.token, REFUND, {
        input: { paymentId: payment.id, amount: 100, reason: 'requested_by_customer' },
      });
      expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await count('refund', 'user_id = ?', [user.id])).toBe(0);
    expect((await ok(billing.lattice, user.token, CREDITS)).me.credits.available).toBe(50);
    const refunded = await ok(billing.lattice, admin, REFUND, {
      input: { paymentId: bought[0].id, reason: 'requested_by_customer' },
    });
    expect(refunded.refundPayment.amount).toBe(4_500);
  });

  it('refuses zero, negative and foreign refunds with a stable field, changing nothing', async () => {
    const user = await newCustomer(billing.lattice);
    const payment = await paid(user);
    const refunds = await count('refund');
    for (const [input, field] of [
      [{ paymentId: payment.id, amount: 0, reason: 'duplicate' }, 'input.amount'],
      [{ paymentId: payment.id, amount: -100, reason: 'duplicate' }, 'input.amount'],
      [{ paymentId: payment.id, amount: 5_001, reason: 'duplicate' }, 'input.amount'],
      [{ paymentId: 'pi_123', reason: 'duplicate' }, 'input.paymentId'],
    ] as const) {
      const { errors } = await gql(billing.lattice, user.token, REFUND, { input });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count('refund')).toBe(refunds);
  });
});

describe('amounts and currencies', () => {
  it("answers an amount below the currency's minimum charge on input.amount, and gives the promo code back", async () => {
    const user = await newCustomer(billing.lattice);
    await paid(user); // the Stripe customer exists: the promo code is redeemed before Stripe refuses
    const code = await newPromo({ percentOff: 10 });
    const payments = await count('payment');
    const { errors } = await pay(user.token, {
      amount: 1_000,
      currency: 'huf',
      purpose: 'other',
      promoCode: code,
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await count('payment')).toBe(payments);
    expect(await redemptions(code)).toBe(0);
  });

  it('refuses fractional, out-of-range and textual amounts before any subgraph is called', async () => {
    const user = await newCustomer(billing.lattice);
    const payments = await count('payment');
    for (const amount of [10.5, 3_000_000_000, -3_000_000_000, '1000']) {
      const answer = await billing.lattice.post(
        {
          query: PAY,
          variables: { input: { amount, currency: 'usd', purpose: 'other' }, key: idempotencyKey() },
        },
        { authorization: `Bearer ${user.token}` },
      );
      // graphql-js's variable coercion: the path is in the message only (no `field`).
      expect(answer.status).toBe(400);
      expect(answer.json.errors[0]).toMatchObject({
        message: expect.stringContaining('at "input.amount"'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const { errors } = await pay(user.token, { amount: null, currency: 'usd', purpose: 'other' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await count('payment')).toBe(payments);
  });
});

describe('idempotency keys', () => {
  it('answers a key reused for another payment CONFLICT on idempotencyKey, creating nothing', async () => {
    const user = await newCustomer(billing.lattice);
    const key = idempotencyKey();
    const input = { amount: 2_000, currency: 'usd', purpose: 'other', description: 'first' };
    const first = (await ok(billing.lattice, user.token, PAY, { input, key })).createPaymentIntent;
    const intents = billing.simulator.created('payment_intent');
    for (const changed of [
      { ...input, amount: 3_000 },
      { ...input, currency: 'eur' },
      { ...input, description: 'second' },
      { purpose: 'credits', creditPack: 'credits-10' },
    ]) {
      const { errors } = await pay(user.token, changed, key);
      expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    }
    const again = (await ok(billing.lattice, user.token, PAY, { input: { ...input, currency: 'USD' }, key }))
      .createPaymentIntent;
    expect(again).toEqual(first);
    expect(billing.simulator.created('payment_intent')).toBe(intents);
    expect(await count('payment', 'user_id = ?', [user.id])).toBe(1);
  });

  it("keeps one user's key apart from another's", async () => {
    const [one, two] = [await newCustomer(billing.lattice), await newCustomer(billing.lattice)];
    const key = idempotencyKey();
    const input = { amount: 2_000, currency: 'usd', purpose: 'other' };
    const first = (await ok(billing.lattice, one.token, PAY, { input, key })).createPaymentIntent;
    const second = (await ok(billing.lattice, two.token, PAY, { input: { ...input, amount: 2_500 }, key }))
      .createPaymentIntent;
    expect(second.id).not.toBe(first.id);
    expect(second.amount).toBe(2_500);
  });

  it('confirms a retried payment with its card, as the first attempt would have', async () => {
    const user = await newCustomer(billing.lattice);
    const key = idempotencyKey();
    const input = { amount: 2_000, currency: 'usd', purpose: 'other' };
    // The first attempt created the payment and was lost before it confirmed.
    await ok(billing.lattice, user.token, PAY, { input, key });
    const retried = await ok(billing.lattice, user.token, PAY, {
      input: { ...input, paymentMethod: 'pm_card_visa' },
      key,
    });
    expect(retried.createPaymentIntent.status).toBe('succeeded');
    expect(await count('payment', 'user_id = ?', [user.id])).toBe(1);
  });

  it('confirms a payment Stripe already took once, whatever card the retry names', async () => {
    const user = await newCustomer(billing.lattice);
    const payment = (
      await ok(billing.lattice, user.token, PAY, {
        input: { amount: 2_000, currency: 'usd', purpose: 'other' },
        key: idempotencyKey(),
      })
    ).createPaymentIntent;
    // Confirmed in Stripe (by Stripe.js, or an attempt whose answer was lost); the webhook is late.
    billing.simulator.deliveries.configure({ hold: true });
    try {
      await billing.stripe.paymentIntents.confirm(payment.stripePaymentIntentId, {
        payment_method: 'pm_card_visa',
      });
      const charges = billing.simulator.created('charge');
      const confirmed = await ok(billing.lattice, user.token, CONFIRM, {
        id: payment.id,
        pm: 'pm_card_mastercard',
      });
      expect(confirmed.confirmPayment.status).toBe('succeeded');
      expect(billing.simulator.created('charge')).toBe(charges);
    } finally {
      billing.simulator.deliveries.configure({ hold: false });
      await billing.simulator.deliveries.flush();
    }
  });

  it('spends and holds once per key, and refuses a key reused for another amount', async () => {
    const user = await newCustomer(billing.lattice);
    await ok(
      billing.lattice,
      admin,
      'mutation($u: ID!) { grantCredits(userId: $u, amount: 20, reason: "t") { available } }',
      {
        u: user.id,
      },
    );
    const key = idempotencyKey();
    expect((await ok(billing.lattice, user.token, SPEND, { amount: 2, key })).spendCredits.available).toBe(
      18,
    );
    expect((await ok(billing.lattice, user.token, SPEND, { amount: 2, key })).spendCredits.available).toBe(
      18,
    );
    const spent = await gql(billing.lattice, user.token, SPEND, { amount: 5, key });
    expect(spent.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });

    const hold = (await ok(billing.lattice, user.token, HOLD, { amount: 3, ref: 'order-7' })).holdCredits;
    expect((await ok(billing.lattice, user.token, HOLD, { amount: 3, ref: 'order-7' })).holdCredits).toEqual(
      hold,
    );
    const held = await gql(billing.lattice, user.token, HOLD, { amount: 10, ref: 'order-7' });
    expect(held.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'reference' });
    expect((await ok(billing.lattice, user.token, CREDITS)).me.credits).toEqual({ available: 15, held: 3 });
  });
});

describe('payment methods', () => {
  it('answers a payment method that does not exist on the field it came in, wherever it came in', async () => {
    const user = await newCustomer(billing.lattice);
    const created = await pay(user.token, {
      amount: 2_000,
      currency: 'usd',
      purpose: 'other',
      paymentMethod: 'pm_does_not_exist',
    });
    expect(created.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.paymentMethod',
    });
    const payment = (
      await ok(billing.lattice, user.token, PAY, {
        input: { amount: 2_000, currency: 'usd', purpose: 'other' },
        key: idempotencyKey(),
      })
    ).createPaymentIntent;
    const confirmed = await gql(billing.lattice, user.token, CONFIRM, {
      id: payment.id,
      pm: 'pm_does_not_exist',
    });
    expect(confirmed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'paymentMethod',
    });
    const subscribed = await gql(billing.lattice, user.token, SUBSCRIBE, {
      input: { plan: 'pro', paymentMethod: 'pm_does_not_exist' },
    });
    expect(subscribed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.paymentMethod',
    });
    expect(await count('plan_subscription', 'user_id = ?', [user.id])).toBe(0);
  });
});

describe('promo codes', () => {
  it('takes a code in any case and with spaces, once per user', async () => {
    const user = await newCustomer(billing.lattice);
    const code = await newPromo({ percentOff: 25 });
    const first = await ok(billing.lattice, user.token, PAY, {
      input: { amount: 4_000, currency: 'usd', purpose: 'other', promoCode: `  ${code.toLowerCase()} ` },
      key: idempotencyKey(),
    });
    expect(first.createPaymentIntent.amount).toBe(3_000);
    const again = await pay(user.token, {
      amount: 4_000,
      currency: 'usd',
      purpose: 'other',
      promoCode: code,
    });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.promoCode' });
    expect(await redemptions(code)).toBe(1);
  });

  it('refuses an expired code and one of another currency, redeeming nothing', async () => {
    const user = await newCustomer(billing.lattice);
    const expired = await newPromo({
      percentOff: 10,
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await sql("update billing.promo_code set expires_at = now() - interval '1 second' where code = ?", [
      expired,
    ]);
    const euros = await newPromo({ amountOff: 500, currency: 'eur' });
    const payments = await count('payment');
    for (const code of [expired, euros]) {
      const { errors } = await pay(user.token, {
        amount: 4_000,
        currency: 'usd',
        purpose: 'other',
        promoCode: code,
      });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.promoCode' });
      expect(await redemptions(code)).toBe(0);
    }
    expect(await count('payment')).toBe(payments);
  });

  it('gives the redemption back when the discount leaves less than the minimum charge', async () => {
    const user = await newCustomer(billing.lattice);
    const code = await newPromo({ percentOff: 99 });
    const { errors } = await pay(user.token, {
      amount: 1_000,
      currency: 'usd',
      purpose: 'other',
      promoCode: code,
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.promoCode' });
    expect(await redemptions(code)).toBe(0);
    const bigger = await ok(billing.lattice, user.token, PAY, {
      input: { amount: 10_000, currency: 'usd', purpose: 'other', promoCode: code },
      key: idempotencyKey(),
    });
    expect(bigger.createPaymentIntent.amount).toBe(100);
  });

  it('refuses an amount-off code of another currency on a subscription, leaving it unused', async () => {
    const user = await newCustomer(billing.lattice);
    const code = await newPromo({ amountOff: 500, currency: 'eur' });
    const { errors } = await gql(billing.lattice, user.token, SUBSCRIBE, {
      input: { plan: 'pro', paymentMethod: 'pm_card_visa', promoCode: code },
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.promoCode' });
    expect(await redemptions(code)).toBe(0);
    expect(await count('plan_subscription', 'user_id = ?', [user.id])).toBe(0);
  });

  it('gives the redemption back when the first charge of a subscription is declined', async () => {
    const user = await newCustomer(billing.lattice);
    const code = await newPromo({ percentOff: 50, maxRedemptions: 1 });
    const declined = await gql(billing.lattice, user.token, SUBSCRIBE, {
      input: { plan: 'starter', trialDays: 0, paymentMethod: 'pm_card_chargeDeclined', promoCode: code },
    });
    expect(declined.errors?.[0].extensions.code).toBe('PAYMENT_FAILED');
    expect(await redemptions(code)).toBe(0);
    const other = await newCustomer(billing.lattice);
    const { errors } = await pay(other.token, {
      amount: 4_000,
      currency: 'usd',
      purpose: 'other',
      promoCode: code,
    });
    expect(errors).toBeUndefined();
  });
});

describe('plan subscriptions', () => {
  it('leaves one live subscription, here and in Stripe, of concurrent subscribes to different plans', async () => {
    const user = await newCustomer(billing.lattice);
    const answers = await Promise.all(
      ['starter', 'pro', 'enterprise'].map((plan) =>
        gql(billing.lattice, user.token, SUBSCRIBE, { input: { plan, paymentMethod: 'pm_card_visa' } }),
      ),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    for (const refused of answers.filter((answer) => answer.errors)) {
      expect(refused.errors![0].extensions.code).toBe('CONFLICT');
    }
    await billing.simulator.deliveries.idle();
    expect(await count('plan_subscription', 'user_id = ? and live', [user.id])).toBe(1);
    const [customer] = await sql<{ stripe_customer_id: string }>(
      'select stripe_customer_id from billing.customer where user_id = ?',
      [user.id],
    );
    const inStripe = await billing.stripe.subscriptions.list({ customer: customer!.stripe_customer_id });
    expect(inStripe.data.filter((subscription) => subscription.status !== 'canceled')).toHaveLength(1);
  });

  it("expires the plan's credits when the subscription ends", async () => {
    const user = await newCustomer(billing.lattice);
    await ok(billing.lattice, user.token, SUBSCRIBE, {
      input: { plan: 'enterprise', paymentMethod: 'pm_card_visa' },
    });
    expect((await ok(billing.lattice, user.token, CREDITS)).me.credits.available).toBe(25_000);
    await ok(billing.lattice, user.token, 'mutation { cancelSubscription(atPeriodEnd: false) { status } }');
    await billing.simulator.deliveries.idle();
    expect((await ok(billing.lattice, user.token, CREDITS)).me.credits.available).toBe(0);
  });

  it('gives a user one free trial, however often they cancel and subscribe again', async () => {
    const user = await newCustomer(billing.lattice);
    const first = await ok(billing.lattice, user.token, SUBSCRIBE, {
      input: { plan: 'enterprise', trialDays: 90, paymentMethod: 'pm_card_visa' },
    });
    expect(first.subscribeToPlan.status).toBe('trialing');
    await ok(billing.lattice, user.token, 'mutation { cancelSubscription(atPeriodEnd: false) { status } }');
    const asked = await gql(billing.lattice, user.token, SUBSCRIBE, {
      input: { plan: 'enterprise', trialDays: 90 },
    });
    expect(asked.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.trialDays' });
    const again = await ok(billing.lattice, user.token, SUBSCRIBE, { input: { plan: 'enterprise' } });
    expect(again.subscribeToPlan.status).toBe('active');
  });

  it('answers NOT_FOUND to changes of a subscription the caller does not have', async () => {
    const user = await newCustomer(billing.lattice);
    for (const mutation of [
      'changePlan(plan: "pro") { id }',
      'cancelSubscription { id }',
      'cancelSubscription(atPeriodEnd: false) { id }',
      'pauseSubscription { id }',
      'resumeSubscription { id }',
    ]) {
      const { errors } = await gql(billing.lattice, user.token, `mutation { ${mutation} }`);
      expect(errors?.[0].extensions.code).toBe('NOT_FOUND');
    }
  });
});

describe('Stripe webhooks', () => {
  it('acknowledges signed events about objects billing does not know, changing nothing', async () => {
    // A Stripe account may serve more than Lattice: its other customers' events are not ours.
    const stranger = await billing.stripe.customers.create({});
    const price = await billing.stripe.prices.create({
      currency: 'usd',
      unit_amount: 1_200,
      recurring: { interval: 'month' },
      product_data: { name: 'Not Lattice' },
    });
    billing.simulator.deliveries.configure({ hold: true });
    const foreign = await billing.stripe.subscriptions.create({
      customer: stranger.id,
      items: [{ price: price.id }],
      trial_period_days: 7,
    });
    billing.simulator.deliveries.configure({ hold: false });
    const user = await newCustomer(billing.lattice);
    await paid(user);
    const [customer] = await sql<{ stripe_customer_id: string }>(
      'select stripe_customer_id from billing.customer where user_id = ?',
      [user.id],
    );
    const otherProduct = await billing.stripe.subscriptions.create({
      customer: customer!.stripe_customer_id,
      items: [{ price: price.id }],
      trial_period_days: 7,
    });
    const subscriptions = await count('plan_subscription');
    for (const payload of [
      stripeEvent('customer.subscription.updated', {
        id: 'sub_unknown',
        object: 'subscription',
        customer: 'cus_x',
      }),
      stripeEvent('customer.subscription.updated', foreign as unknown as Record<string, unknown>),
      stripeEvent('customer.subscription.created', otherProduct as unknown as Record<string, unknown>),
      stripeEvent('payment_intent.succeeded', {
        id: 'pi_unknown',
        object: 'payment_intent',
        status: 'succeeded',
        metadata: { userId: user.id },
      }),
      stripeEvent('charge.refunded', { id: 'ch_unknown', object: 'charge', payment_intent: 'pi_unknown' }),
      stripeEvent('invoice.paid', { id: 'in_unknown', object: 'invoice', customer: 'cus_x', status: 'paid' }),
    ]) {
      const answer = await postWebhook(payload, signed(payload));
      expect({ status: answer.status, body: await answer.json() }).toEqual({
        status: 200,
        body: { received: true, outcome: 'ignored' },
      });
    }
    expect(await count('plan_subscription')).toBe(subscriptions);
    await billing.simulator.deliveries.idle();
  });

  it('refuses signed bodies that are not Stripe events with 400, and unsigned ones, recording nothing', async () => {
    const events = await count('webhook_event');
    for (const payload of [
      'not json',
      '{}',
      '[]',
      '"evt"',
      JSON.stringify({ id: 'evt_x', type: 'invoice.paid', data: {} }),
    ]) {
      expect((await postWebhook(payload, signed(payload))).status).toBe(400);
    }
    const payload = stripeEvent('customer.tax_id.created', {});
    expect((await postWebhook(payload)).status).toBe(400);
    expect(await count('webhook_event')).toBe(events);
  });
});

describe('a Stripe that goes away', () => {
  it('answers an error that names nothing inside, writes nothing half, and logs no secret', async () => {
    const user = await newCustomer(billing.lattice);
    const payment = await paid(user);
    const subscribed = await newCustomer(billing.lattice);
    await ok(billing.lattice, subscribed.token, SUBSCRIBE, {
      input: { plan: 'pro', paymentMethod: 'pm_card_visa' },
    });
    const code = await newPromo({ percentOff: 10 });
    await billing.simulator.deliveries.idle();
    const [subscription] = await sql<{ stripe_subscription_id: string; status: string }>(
      'select stripe_subscription_id, status from billing.plan_subscription where user_id = ?',
      [subscribed.id],
    );
    const before = {
      payments: await count('payment'),
      refunds: await count('refund'),
      subscriptions: await count('plan_subscription'),
      events: await count('webhook_event'),
    };
    await billing.simulator.close();

    const answers = [
      await pay(user.token, { amount: 3_000, currency: 'usd', purpose: 'other', promoCode: code }),
      await gql(billing.lattice, user.token, REFUND, {
        input: { paymentId: payment.id, reason: 'duplicate' },
      }),
      await gql(billing.lattice, user.token, SUBSCRIBE, {
        input: { plan: 'starter', paymentMethod: 'pm_card_visa' },
      }),
      await gql(billing.lattice, subscribed.token, 'mutation { pauseSubscription { id } }'),
    ];
    for (const answer of answers) {
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^Internal server error \(request id [0-9a-f-]+\)$/),
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
        }),
      ]);
    }
    const payload = stripeEvent('customer.subscription.updated', {
      id: subscription!.stripe_subscription_id,
      object: 'subscription',
    });
    const webhook = await postWebhook(payload, signed(payload));
    expect(webhook.status).toBe(500);
    expect(await webhook.text()).not.toMatch(/stripe|127\.0\.0\.1|ECONNREFUSED/i);

    expect({
      payments: await count('payment'),
      refunds: await count('refund'),
      subscriptions: await count('plan_subscription'),
      events: await count('webhook_event'),
    }).toEqual(before);
    expect(await redemptions(code)).toBe(0);
    const [after] = await sql<{ status: string }>(
      'select status from billing.plan_subscription where user_id = ?',
      [subscribed.id],
    );
    expect(after!.status).toBe(subscription!.status);

    const written = logs.raw.join('');
    expect(written).toContain('ECONNREFUSED'); // the operator sees why
    for (const secret of [billing.webhookSecret, 'sk_test_lattice_simulator', 'Bearer ']) {
      expect(written).not.toContain(secret);
    }
  });
});
