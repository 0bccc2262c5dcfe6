import Stripe from 'stripe';
import { rejection, startHarness, type Harness } from './support';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.simulator.close());

const eventTypes = () => harness.simulator.deliveries.events().map((event) => event.type);

describe('authentication and routing', () => {
  it('refuses a live or malformed key with a 401 and no key at all', async () => {
    const live = new Stripe('sk_live_abcdefgh1234', {
      ...harness.simulator.sdkOptions,
      maxNetworkRetries: 0,
    });
    const error = await rejection(live.customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/^Invalid API Key provided: sk_live_\*+1234/);

    const anonymous = await fetch(`${harness.simulator.url}/v1/customers`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringMatching(/^You did not provide an API key/),
    });
  });

  it('answers an unknown URL and a missing object the way Stripe does', async () => {
    const unknown = await fetch(`${harness.simulator.url}/v1/nothing_here`, {
      headers: { Authorization: 'Bearer sk_test_x' },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.message).toMatch(
      /^Unrecognized request URL \(GET: \/v1\/nothing_here\)/,
    );

    const missing = await rejection(harness.stripe.paymentIntents.retrieve('pi_missing'));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: "No such payment_intent: 'pi_missing'",
    });
  });
});

describe('payment intents', () => {
  it('charges a card at once and expands the charge', async () => {
    const { stripe } = harness;
    const customer = await stripe.customers.create({ email: 'ada@example.com', metadata: { account: '42' } });
    const intent = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { order: 'o-1' },
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      expand: ['latest_charge'],
    });
    expect(intent).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 2500,
      amount_received: 2500,
      currency: 'usd',
      customer: customer.id,
      metadata: { order: 'o-1' },
      livemode: false,
    });
    expect(intent.id).toMatch(/^pi_\w{24}$/);
    const charge = intent.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 2500,
      amount_captured: 2500,
      amount_refunded: 0,
      refunded: false,
      status: 'succeeded',
      payment_intent: intent.id,
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
    });
    expect(charge.id).toMatch(/^ch_/);

    const retrieved = await stripe.paymentIntents.retrieve(intent.id);
    expect(retrieved.latest_charge).toBe(charge.id);
    expect(eventTypes()).toEqual(expect.arrayContaining(['payment_intent.succeeded', 'charge.succeeded']));
  });

  it('answers a declined card with a 402 card error and keeps the intent to retry', async () => {
    const { stripe } = harness;
    const error = await rejection(
      stripe.paymentIntents.create({
        amount: 1000,
        currency: 'eur',
        payment_method: 'pm_card_chargeDeclinedInsufficientFunds',
        confirm: true,
      }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    });
    const intent = error.payment_intent as Stripe.PaymentIntent;
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.last_payment_error).toMatchObject({
      type: 'card_error',
      decline_code: 'insufficient_funds',
    });
    expect(eventTypes()).toEqual(expect.arrayContaining(['payment_intent.payment_failed', 'charge.failed']));

    const retried = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_mastercard' });
    expect(retried.status).toBe('succeeded');
    expect(retried.last_payment_error).toBeNull();

    const again = await rejection(stripe.paymentIntents.confirm(intent.id));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });

  it('declines a confirmation of the generic declining card', async () => {
    const { stripe } = harness;
    const intent = await stripe.paymentIntents.create({
      amount: 700,
      currency: 'usd',
      payment_method: 'pm_card_chargeDeclined',
    });
    expect(intent.status).toBe('requires_confirmation');
    const error = await rejection(stripe.paymentIntents.confirm(intent.id));
    expect(error).toMatchObject({
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    });
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');
  });

  it('refuses amounts below the minimum and cancels an unpaid intent', async () => {
    const { stripe } = harness;
    const tooSmall = await rejection(stripe.paymentIntents.create({ amount: 49, currency: 'usd' }));
    expect(tooSmall).toMatchObject({ statusCode: 400, code: 'amount_too_small', param: 'amount' });

    const intent = await stripe.paymentIntents.create({ amount: 5000, currency: 'usd' });
    expect(intent.status).toBe('requires_payment_method');
    const canceled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(eventTypes()).toContain('payment_intent.canceled');
  });

  it('attaches test cards to customers as new payment methods', async () => {
    const { stripe } = harness;
    const customer = await stripe.customers.create({ name: 'Grace' });
    const visa = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const declining = await stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer: customer.id });
    expect(visa).toMatchObject({
      object: 'payment_method',
      customer: customer.id,
      card: { brand: 'visa', last4: '4242' },
    });
    expect(visa.id).toMatch(/^pm_\w{24}$/);
    expect(declining.card).toMatchObject({
      last4: '0002',
      exp_month: expect.any(Number),
      exp_year: expect.any(Number),
    });

    const updated = await stripe.customers.update(customer.id, {
      invoice_settings: { default_payment_method: declining.id },
    });
    expect(updated.invoice_settings.default_payment_method).toBe(declining.id);
    const error = await rejection(
      stripe.paymentIntents.create({
        amount: 900,
        currency: 'usd',
        customer: customer.id,
        payment_method: declining.id,
        confirm: true,
      }),
    );
    expect(error.decline_code).toBe('generic_decline');
    const listed = await stripe.paymentMethods.list({ customer: customer.id });
    expect(listed.data.map((method) => method.id)).toEqual([declining.id, visa.id]);
  });
});
