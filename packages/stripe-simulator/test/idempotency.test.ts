import Stripe from 'stripe';
import { rejection, startHarness, type Harness } from './support';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.simulator.close());

const headersOf = (response: { lastResponse: unknown }) =>
  (response.lastResponse as { headers: Record<string, string> }).headers;

describe('idempotency keys', () => {
  it('replays the first response to a retry and creates nothing twice', async () => {
    const { stripe, simulator } = harness;
    const params = { amount: 1500, currency: 'usd', payment_method: 'pm_card_visa', confirm: true };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-1' });
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-1' });
    expect(second.id).toBe(first.id);
    expect(second).toEqual(first);
    expect(headersOf(second)['idempotent-replayed']).toBe('true');
    expect(headersOf(first)['idempotent-replayed']).toBeUndefined();
    expect(simulator.created('payment_intent')).toBe(1);
    expect(simulator.created('charge')).toBe(1);
    expect(simulator.requests('POST /v1/payment_intents')).toBe(2);
  });

  it('refuses the same key with other parameters', async () => {
    const { stripe } = harness;
    await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'signup-7' });
    const error = await rejection(
      stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'signup-7' }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(harness.simulator.created('customer')).toBe(1);
  });

  it('runs concurrent requests with one key once', async () => {
    const { stripe, simulator } = harness;
    const params = { amount: 990, currency: 'usd', payment_method: 'pm_card_visa', confirm: true };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => stripe.paymentIntents.create(params, { idempotencyKey: 'burst' })),
    );
    expect(new Set(results.map((intent) => intent.id)).size).toBe(1);
    expect(simulator.created('payment_intent')).toBe(1);
    expect(results.filter((intent) => headersOf(intent)['idempotent-replayed'] === 'true')).toHaveLength(9);
  });

  it('replays a decline too, and forgets keys after 24 simulated hours', async () => {
    const { stripe, simulator } = harness;
    const params = { amount: 1200, currency: 'usd', payment_method: 'pm_card_chargeDeclined', confirm: true };
    const first = await rejection(stripe.paymentIntents.create(params, { idempotencyKey: 'declined' }));
    const second = await rejection(stripe.paymentIntents.create(params, { idempotencyKey: 'declined' }));
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second.payment_intent.id).toBe(first.payment_intent.id);
    expect(simulator.created('payment_intent')).toBe(1);

    await simulator.advanceClock(24 * 3600);
    const fresh = await stripe.paymentIntents.create(
      { amount: 800, currency: 'usd' },
      { idempotencyKey: 'declined' },
    );
    expect(fresh.id).not.toBe(first.payment_intent.id);
    expect(simulator.created('payment_intent')).toBe(2);
  });
});
