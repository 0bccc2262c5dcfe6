import Stripe from 'stripe';
import {
  type BillingLattice,
  gql,
  idempotencyKey,
  newCustomer,
  ok,
  startBillingLattice,
} from './support/billing';

let billing: BillingLattice;
beforeAll(async () => {
  billing = await startBillingLattice();
});
afterAll(() => billing?.stop());

const DAY = 86_400;
const sql = <T>(query: string, params: unknown[] = []) =>
  billing.lattice.subgraphs.billing!.orm.em.getConnection().execute<T[]>(query, params);

const STATE = `{ me {
  billing { plan { id } subscription { status plan { id } cancelAtPeriodEnd currentPeriodEnd } }
  credits { available purchased subscription }
  payments(first: 50) { edges { node { amount status amountRefunded } } }
  billingInvoices(first: 50) { edges { node { status amountPaid amountDue reason } } }
} }`;

/** What a user's billing looks like, ids aside: to compare two users' histories. */
async function stateOf(token: string) {
  const { me } = await ok(billing.lattice, token, STATE);
  return {
    billing: me.billing,
    credits: me.credits,
    payments: me.payments.edges.map((edge: any) => edge.node),
    invoices: me.billingInvoices.edges
      .map((edge: any) => edge.node)
      .sort((a: any, b: any) => a.amountDue - b.amountDue || a.reason.localeCompare(b.reason)),
  };
}

const buyCredits = (token: string) =>
  ok(
    billing.lattice,
    token,
    `mutation($key: String!) { createPaymentIntent(input: { purpose: credits, creditPack: "credits-50", paymentMethod: "pm_card_visa" }, idempotencyKey: $key) { id stripePaymentIntentId } }`,
    { key: idempotencyKey() },
  );

describe('Stripe webhooks at the gateway', () => {
  afterEach(() => billing.simulator.deliveries.configure({ copies: 1, hold: false }));

  it('applies an event delivered 5 times once', async () => {
    const user = await newCustomer(billing.lattice);
    billing.simulator.deliveries.configure({ copies: 5 });
    const { createPaymentIntent } = await buyCredits(user.token);
    // A refund made in Stripe's dashboard reaches billing by webhook alone.
    await billing.stripe.refunds.create({
      payment_intent: createPaymentIntent.stripePaymentIntentId,
      amount: 500,
    });
    await billing.simulator.deliveries.idle();
    const state = await stateOf(user.token);
    expect(state.credits.purchased).toBe(50);
    expect(state.payments).toEqual([{ amount: 4_500, status: 'succeeded', amountRefunded: 500 }]);
    const refunds = await sql<{ n: string }>(
      'select count(*) n from billing.refund r join billing.payment p on p.id = r.payment_id where p.user_id = ?',
      [user.id],
    );
    expect(Number(refunds[0]!.n)).toBe(1);
    const ledger = await sql<{ n: string }>(
      "select count(*) n from billing.credit_ledger_entry where user_id = ? and kind = 'purchase'",
      [user.id],
    );
    expect(Number(ledger[0]!.n)).toBe(1);
  });

  it('answers a tampered or stale signature 400 and changes nothing', async () => {
    const user = await newCustomer(billing.lattice);
    const { createPaymentIntent } = await buyCredits(user.token);
    await billing.simulator.deliveries.idle();
    const [charge] = (
      await billing.stripe.charges.list({ payment_intent: createPaymentIntent.stripePaymentIntentId })
    ).data;
    const forged = {
      id: `evt_forged_${Date.now()}`,
      object: 'event',
      type: 'charge.refunded',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          ...charge,
          amount_refunded: charge!.amount,
          refunds: {
            object: 'list',
            data: [
              {
                id: 're_forged',
                object: 'refund',
                amount: charge!.amount,
                currency: 'usd',
                reason: 'fraudulent',
                status: 'succeeded',
              },
            ],
          },
        },
      },
    };
    const payload = JSON.stringify(forged);
    const post = (body: string, signature: string) =>
      fetch(billing.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body,
      });
    const valid = Stripe.webhooks.generateTestHeaderString({ payload, secret: billing.webhookSecret });
    const tampered = await post(payload.replace('fraudulent', 'duplicate'), valid);
    expect(tampered.status).toBe(400);
    const wrongSecret = await post(
      payload,
      Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_it' }),
    );
    expect(wrongSecret.status).toBe(400);
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: billing.webhookSecret,
      timestamp: Math.floor(Date.now() / 1000) - 3_600,
    });
    expect((await post(payload, stale)).status).toBe(400);
    expect((await post(payload, '')).status).toBe(400);
    const state = await stateOf(user.token);
    expect(state.payments[0].amountRefunded).toBe(0);
    expect(await sql('select id from billing.webhook_event where id = ?', [forged.id])).toEqual([]);
  });

  it('reaches the same state from events shuffled as from events in order', async () => {
    const scenario = async () => {
      const user = await newCustomer(billing.lattice);
      await ok(
        billing.lattice,
        user.token,
        'mutation { subscribeToPlan(input: { plan: "pro", paymentMethod: "pm_card_visa" }) { id } }',
      );
      const { createPaymentIntent } = await buyCredits(user.token);
      await billing.stripe.refunds.create({
        payment_intent: createPaymentIntent.stripePaymentIntentId,
        amount: 1_000,
      });
      await billing.stripe.refunds.create({
        payment_intent: createPaymentIntent.stripePaymentIntentId,
        amount: 700,
      });
      return user;
    };
    const inOrder = await scenario();
    await billing.simulator.deliveries.idle();

    billing.simulator.deliveries.configure({ hold: true });
    const shuffled = await scenario();
    // Behind billing's back: the trial ends and a period renews, known by webhooks alone.
    await billing.simulator.advanceClock(45 * DAY);
    await billing.simulator.deliveries.flush({ shuffle: true, seed: 7 });
    await billing.simulator.deliveries.idle();

    billing.simulator.deliveries.configure({ hold: false });
    const expected = await stateOf(shuffled.token);
    expect(expected.billing.subscription.status).toBe('active');
    expect(
      expected.invoices.filter((invoice: any) => invoice.status === 'paid' && invoice.amountPaid === 2_900),
    ).toHaveLength(2);
    // The user whose events came in order saw the same clock go by.
    expect(await stateOf(inOrder.token)).toEqual(expected);
  });

  it("acknowledges event types it does not use, and refuses bodies that are not Stripe's", async () => {
    const payload = JSON.stringify({
      id: `evt_other_${Date.now()}`,
      object: 'event',
      type: 'customer.tax_id.created',
      data: { object: {} },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: billing.webhookSecret });
    const answer = await fetch(billing.webhookUrl, {
      method: 'POST',
      headers: { 'stripe-signature': signature },
      body: payload,
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ received: true, outcome: 'ignored' });
    const huge = await fetch(billing.webhookUrl, {
      method: 'POST',
      headers: { 'stripe-signature': signature },
      body: 'x'.repeat(600 * 1024),
    });
    expect(huge.status).toBe(413);
    const unsigned = await gql(billing.lattice, undefined, '{ billingProvider { simulated name } }');
    expect(unsigned.data.billingProvider).toEqual({ simulated: true, name: 'stripe-simulator' });
  });
});
