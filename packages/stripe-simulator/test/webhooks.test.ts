import Stripe from 'stripe';
import { startHarness, startReceiver, type Harness, type Receiver } from './support';

const SECRET = 'whsec_test_simulator';
const FAST_RETRIES = { initialDelayMs: 10, maxDelayMs: 50 };

let harness: Harness | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await harness?.simulator.close();
  await receiver?.close();
  harness = receiver = undefined;
});

async function setup(fail?: (eventId: string, attempt: number) => boolean, options = {}) {
  receiver = await startReceiver(SECRET, fail);
  harness = await startHarness({
    webhook: { url: receiver.url, secret: SECRET },
    deliveries: FAST_RETRIES,
    ...options,
  });
  return { receiver, ...harness };
}

function countsById(events: Stripe.Event[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
  return counts;
}

describe('webhook deliveries', () => {
  it('posts every event, signed so that the SDK verifies it', async () => {
    const { receiver, stripe, simulator } = await setup();
    const intent = await stripe.paymentIntents.create(
      { amount: 2000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true },
      { idempotencyKey: 'checkout-1' },
    );
    await simulator.deliveries.idle();
    expect(receiver.refused).toBe(0);
    // Several deliveries are in flight at once: arrival order is not guaranteed, as with Stripe.
    expect(receiver.events.map((event) => event.id).sort()).toEqual(
      simulator.deliveries
        .events()
        .map((event) => event.id)
        .sort(),
    );
    const succeeded = receiver.events.find((event) => event.type === 'payment_intent.succeeded')!;
    expect(succeeded).toMatchObject({
      object: 'event',
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      request: { idempotency_key: 'checkout-1' },
      data: { object: { id: intent.id, status: 'succeeded' } },
    });
    expect(succeeded.id).toMatch(/^evt_/);
    expect(succeeded.request!.id).toMatch(/^req_/);
  });

  it('sends each event `copies` times', async () => {
    const { receiver, stripe, simulator } = await setup();
    simulator.deliveries.configure({ copies: 3 });
    await stripe.customers.create({ email: 'dup@example.com' });
    await stripe.paymentIntents.create({ amount: 600, currency: 'usd' });
    await simulator.deliveries.idle();
    const counts = countsById(receiver.events);
    expect(counts.size).toBe(2);
    expect([...counts.values()]).toEqual([3, 3]);
  });

  it('holds deliveries until a shuffled flush sends them all', async () => {
    const { receiver, stripe, simulator } = await setup(undefined, {
      deliveries: { ...FAST_RETRIES, concurrency: 1 },
    });
    simulator.deliveries.configure({ hold: true });
    for (let i = 0; i < 6; i++) await stripe.customers.create({ email: `held-${i}@example.com` });
    await simulator.deliveries.idle();
    expect(receiver.events).toHaveLength(0);

    await simulator.deliveries.flush({ shuffle: true, seed: 7 });
    const created = simulator.deliveries.events().map((event) => event.id);
    const received = receiver.events.map((event) => event.id);
    expect([...received].sort()).toEqual([...created].sort());
    expect(received).not.toEqual(created);
  });

  it('retries a failing receiver with backoff until it acknowledges', async () => {
    const { receiver, stripe, simulator } = await setup((_id, attempt) => attempt <= 2);
    await stripe.customers.create({ email: 'retry@example.com' });
    await simulator.deliveries.idle();
    expect(receiver.refused).toBe(2);
    expect(receiver.events.map((event) => event.type)).toEqual(['customer.created']);
  });

  it('gives up after the last attempt', async () => {
    const lines: string[] = [];
    const { receiver, stripe, simulator } = await setup(() => true, {
      deliveries: { ...FAST_RETRIES, attempts: 3 },
      log: (line: string) => lines.push(line),
    });
    await stripe.customers.create({ email: 'never@example.com' });
    await simulator.deliveries.idle();
    expect(receiver.refused).toBe(3);
    expect(lines.some((line) => /gave up after 3 attempts: HTTP 500/.test(line))).toBe(true);
  });

  it('sends to a webhook endpoint created through the API, its events only', async () => {
    harness = await startHarness({ deliveries: FAST_RETRIES });
    let secret = '';
    receiver = await startReceiver(() => secret);
    const { stripe, simulator } = harness;
    await stripe.customers.create({ email: 'before@example.com' });
    const endpoint = await stripe.webhookEndpoints.create({
      url: receiver.url,
      enabled_events: ['payment_intent.created', 'payment_intent.succeeded'],
    });
    secret = endpoint.secret!;
    expect(secret).toMatch(/^whsec_/);

    await stripe.customers.create({ email: 'after@example.com' });
    await stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await simulator.deliveries.idle();
    expect(receiver.events.map((event) => event.type)).toEqual([
      'payment_intent.created',
      'payment_intent.succeeded',
    ]);
  });
});

describe('controls over HTTP', () => {
  it('advances the clock, configures deliveries and lists events', async () => {
    const { receiver, stripe, simulator } = await setup();
    const post = (path: string, body: object) =>
      fetch(`${simulator.url}/_simulator/${path}`, { method: 'POST', body: JSON.stringify(body) }).then(
        (response) => response.json(),
      );
    const start = simulator.now();
    expect(await post('clock/advance', { seconds: 3600 })).toEqual({ now: start + 3600 });
    expect(await (await fetch(`${simulator.url}/_simulator/clock`)).json()).toEqual({ now: start + 3600 });

    await post('deliveries/configure', { hold: true });
    const customer = await stripe.customers.create({ email: 'remote@example.com' });
    expect(customer.created).toBe(start + 3600);
    await post('deliveries/flush', { shuffle: true, seed: 1 });
    expect(receiver.events.map((event) => event.type)).toEqual(['customer.created']);

    const listed = (await (await fetch(`${simulator.url}/_simulator/events`)).json()) as any;
    expect(listed.data.map((event: { type: string }) => event.type)).toEqual(['customer.created']);
    expect(await (await fetch(`${simulator.url}/_simulator/created/customer`)).json()).toEqual({
      object: 'customer',
      count: 1,
    });

    const refused = await fetch(`${simulator.url}/_simulator/clock/advance`, {
      method: 'POST',
      body: '{"seconds":-1}',
    });
    expect(refused.status).toBe(400);
  });
});
