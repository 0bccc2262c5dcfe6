import type Stripe from 'stripe';
import { rejection, startHarness, type Harness } from './support';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.simulator.close());

describe('wire details', () => {
  it('refuses a parameter of the wrong type, naming it', async () => {
    const response = await fetch(`${harness.simulator.url}/v1/payment_intents`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_x', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'amount=12.5&currency=usd',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'parameter_invalid_integer',
      param: 'amount',
      message: 'Invalid integer: 12.5',
    });
    const missing = await rejection(harness.stripe.prices.create({ currency: 'usd', unit_amount: 100 }));
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'product' });
  });

  it('merges metadata on update, an empty value deleting a key', async () => {
    const { stripe } = harness;
    const customer = await stripe.customers.create({ metadata: { a: '1', b: '2' } });
    const updated = await stripe.customers.update(customer.id, { metadata: { b: '', c: '3' } });
    expect(updated.metadata).toEqual({ a: '1', c: '3' });
    const event = harness.simulator.deliveries.events().find((entry) => entry.type === 'customer.updated')!;
    expect(event.data.previous_attributes).toEqual({ metadata: { b: '2', c: null } });
  });

  it('serves the hosted invoice page and its PDF', async () => {
    const { stripe } = harness;
    const customer = await stripe.customers.create({
      email: 'pages@example.com',
      payment_method: 'pm_card_visa',
    });
    const price = await stripe.prices.create({
      currency: 'usd',
      unit_amount: 1500,
      recurring: { interval: 'year' },
      product_data: { name: 'Annual' },
    });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id, quantity: 2 }],
      default_payment_method: (await stripe.paymentMethods.list({ customer: customer.id })).data[0]!.id,
      expand: ['latest_invoice'],
    });
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 3000 });
    expect(invoice.lines.data[0]!.description).toBe('2 × Annual (at $15.00 / year)');

    const page = await fetch(invoice.hosted_invoice_url!);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain(invoice.number!);
    const pdf = Buffer.from(await (await fetch(invoice.invoice_pdf!)).arrayBuffer());
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.4');
  });
});
