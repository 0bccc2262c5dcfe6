import Stripe from 'stripe';
import { JAN_15_2026, rejection, startHarness, type Harness } from './support';

const DAY = 86_400;
const utc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 1000;

let harness: Harness;
let basic: Stripe.Price;
let pro: Stripe.Price;

beforeEach(async () => {
  harness = await startHarness();
  const product = await harness.stripe.products.create({ name: 'Lattice' });
  basic = await harness.stripe.prices.create({
    currency: 'usd',
    unit_amount: 1999,
    recurring: { interval: 'month' },
    product: product.id,
    lookup_key: 'basic_monthly',
  });
  pro = await harness.stripe.prices.create({
    currency: 'usd',
    unit_amount: 4999,
    recurring: { interval: 'month' },
    product: product.id,
    lookup_key: 'pro_monthly',
  });
});
afterEach(() => harness.simulator.close());

async function customerPaying(card = 'pm_card_visa'): Promise<Stripe.Customer> {
  return harness.stripe.customers.create({
    email: 'billing@example.com',
    payment_method: card,
    invoice_settings: { default_payment_method: card },
  });
}

async function subscribe(params: Partial<Stripe.SubscriptionCreateParams> & { customer: string }) {
  return harness.stripe.subscriptions.create({ items: [{ price: basic.id }], ...params });
}

async function latestInvoice(subscription: string): Promise<Stripe.Invoice> {
  const { latest_invoice: id } = await harness.stripe.subscriptions.retrieve(subscription);
  return harness.stripe.invoices.retrieve(id as string);
}

const events = (type: string) => harness.simulator.deliveries.events().filter((event) => event.type === type);

describe('subscriptions', () => {
  it('finds prices by lookup key', async () => {
    const found = await harness.stripe.prices.list({
      lookup_keys: ['pro_monthly'],
      expand: ['data.product'],
    });
    expect(found.data.map((price) => price.id)).toEqual([pro.id]);
    expect((found.data[0]!.product as Stripe.Product).name).toBe('Lattice');
  });

  it('starts a trial with a $0 invoice, then charges the first period when it ends', async () => {
    const customer = await customerPaying();
    const subscription = await subscribe({ customer: customer.id, trial_period_days: 14 });
    const trialEnd = JAN_15_2026 + 14 * DAY;
    expect(subscription).toMatchObject({ status: 'trialing', trial_start: JAN_15_2026, trial_end: trialEnd });
    expect(subscription.items.data[0]).toMatchObject({
      current_period_start: JAN_15_2026,
      current_period_end: trialEnd,
      price: { id: basic.id },
    });
    expect(await latestInvoice(subscription.id)).toMatchObject({
      amount_due: 0,
      status: 'paid',
      billing_reason: 'subscription_create',
    });

    await harness.simulator.advanceClock(14 * DAY + 3600);
    const active = await harness.stripe.subscriptions.retrieve(subscription.id);
    expect(active.status).toBe('active');
    // Jan 29 + 1 month: February has no 29th.
    expect(active.items.data[0]).toMatchObject({
      current_period_start: trialEnd,
      current_period_end: utc(2026, 2, 28),
    });
    const invoice = await latestInvoice(subscription.id);
    expect(invoice).toMatchObject({
      status: 'paid',
      amount_paid: 1999,
      billing_reason: 'subscription_cycle',
      parent: { subscription_details: { subscription: subscription.id } },
    });
    expect(invoice.number).toMatch(/^[0-9A-Z]{8}-0002$/);
    expect(events('customer.subscription.trial_will_end')).toHaveLength(1);
    const update = events('customer.subscription.updated').at(-1)!;
    expect(update.data.previous_attributes).toMatchObject({ status: 'trialing' });

    // The anchor stays the 29th: Feb 28 → Mar 29.
    await harness.simulator.advanceClock(utc(2026, 3, 1) - harness.simulator.now());
    const renewed = await harness.stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.items.data[0]!.current_period_end).toBe(utc(2026, 3, 29));
  });

  it('invoices an upgrade at once with always_invoice, prorated to the second', async () => {
    const customer = await customerPaying();
    const subscription = await subscribe({ customer: customer.id });
    const periodEnd = utc(2026, 2, 15);
    expect(subscription.items.data[0]!.current_period_end).toBe(periodEnd);

    await harness.simulator.advanceClock(10 * DAY + 12_345);
    const now = harness.simulator.now();
    const updated = await harness.stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]!.id, price: pro.id }],
      proration_behavior: 'always_invoice',
    });
    expect(updated.items.data[0]!.price.id).toBe(pro.id);
    expect(updated.items.data[0]!.current_period_end).toBe(periodEnd);

    const remaining = periodEnd - now;
    const length = periodEnd - JAN_15_2026;
    const credit = Math.round((1999 * remaining) / length);
    const charge = Math.round((4999 * remaining) / length);
    const invoice = await latestInvoice(subscription.id);
    expect(invoice).toMatchObject({
      billing_reason: 'subscription_update',
      status: 'paid',
      amount_due: charge - credit,
      amount_paid: charge - credit,
    });
    expect(
      invoice.lines.data.map((line) => [line.amount, line.parent?.subscription_item_details?.proration]),
    ).toEqual([
      [-credit, true],
      [charge, true],
    ]);
    expect(invoice.lines.data[0]!.period).toEqual({ start: now, end: periodEnd });
    expect(events('customer.subscription.updated').at(-1)!.data.previous_attributes).toHaveProperty('items');
  });

  it('credits a downgrade to the customer balance and uses it at renewal', async () => {
    const customer = await customerPaying();
    const subscription = await subscribe({ customer: customer.id, items: [{ price: pro.id }] });
    await harness.simulator.advanceClock(15 * DAY);
    await harness.stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]!.id, price: basic.id }],
      proration_behavior: 'always_invoice',
    });
    const credit = await latestInvoice(subscription.id);
    expect(credit.total).toBeLessThan(0);
    expect(credit).toMatchObject({ amount_due: 0, status: 'paid', ending_balance: credit.total });
    expect((await harness.stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      balance: credit.total,
    });

    await harness.simulator.advanceClock(20 * DAY);
    const renewal = await latestInvoice(subscription.id);
    expect(renewal).toMatchObject({
      billing_reason: 'subscription_cycle',
      starting_balance: credit.total,
      amount_due: 1999 + credit.total,
    });
  });

  it('keeps create_prorations for the next renewal', async () => {
    const customer = await customerPaying();
    const subscription = await subscribe({ customer: customer.id });
    await harness.simulator.advanceClock(10 * DAY);
    await harness.stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]!.id, price: pro.id }],
    });
    expect((await harness.stripe.subscriptions.retrieve(subscription.id)).latest_invoice).toBe(
      subscription.latest_invoice,
    );

    await harness.simulator.advanceClock(25 * DAY);
    const renewal = await latestInvoice(subscription.id);
    const prorations = renewal.lines.data.filter((line) => line.parent?.subscription_item_details?.proration);
    expect(prorations).toHaveLength(2);
    expect(renewal.subtotal).toBe(4999 + prorations[0]!.amount + prorations[1]!.amount);
  });

  it('ends at the period end after cancel_at_period_end', async () => {
    const customer = await customerPaying();
    const subscription = await subscribe({ customer: customer.id });
    const periodEnd = subscription.items.data[0]!.current_period_end;
    const scheduled = await harness.stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: true,
    });
    expect(scheduled).toMatchObject({ status: 'active', cancel_at_period_end: true, cancel_at: periodEnd });
    expect(events('customer.subscription.updated').at(-1)!.data.previous_attributes).toMatchObject({
      cancel_at_period_end: false,
      cancel_at: null,
    });

    await harness.simulator.advanceClock(40 * DAY);
    const ended = await harness.stripe.subscriptions.retrieve(subscription.id);
    expect(ended).toMatchObject({ status: 'canceled', ended_at: periodEnd, canceled_at: JAN_15_2026 });
    const deleted = events('customer.subscription.deleted');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.created).toBe(periodEnd);
    expect((await harness.stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(1);
  });

  it('voids renewals while collection is paused, and charges again once resumed', async () => {
    const customer = await customerPaying();
    const subscription = await subscribe({ customer: customer.id });
    const paused = await harness.stripe.subscriptions.update(subscription.id, {
      pause_collection: { behavior: 'void' },
    });
    expect(paused.pause_collection).toEqual({ behavior: 'void', resumes_at: null });

    await harness.simulator.advanceClock(32 * DAY);
    const voided = await latestInvoice(subscription.id);
    expect(voided).toMatchObject({ status: 'void', billing_reason: 'subscription_cycle', amount_paid: 0 });
    const stillActive = await harness.stripe.subscriptions.retrieve(subscription.id);
    expect(stillActive).toMatchObject({ status: 'active' });
    expect(stillActive.items.data[0]!.current_period_end).toBe(utc(2026, 3, 15));
    expect(events('invoice.voided')).toHaveLength(1);

    const resumed = await harness.stripe.subscriptions.update(subscription.id, { pause_collection: '' });
    expect(resumed.pause_collection).toBeNull();
    await harness.simulator.advanceClock(30 * DAY);
    expect(await latestInvoice(subscription.id)).toMatchObject({ status: 'paid', amount_paid: 1999 });
  });

  it('leaves a declined first payment incomplete, or refuses it with error_if_incomplete', async () => {
    const customer = await customerPaying('pm_card_chargeDeclined');
    const incomplete = await subscribe({ customer: customer.id });
    expect(incomplete.status).toBe('incomplete');
    expect(await latestInvoice(incomplete.id)).toMatchObject({
      status: 'open',
      amount_remaining: 1999,
      attempt_count: 1,
    });
    expect(events('invoice.payment_failed')).toHaveLength(1);

    const { simulator } = harness;
    const before = {
      subscriptions: simulator.created('subscription'),
      invoices: simulator.created('invoice'),
    };
    const error = await rejection(
      subscribe({ customer: customer.id, payment_behavior: 'error_if_incomplete' }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error.decline_code).toBe('generic_decline');
    expect({
      subscriptions: simulator.created('subscription'),
      invoices: simulator.created('invoice'),
    }).toEqual(before);

    // Unpaid for 23 hours, the first invoice expires the subscription.
    await simulator.advanceClock(DAY);
    expect((await harness.stripe.subscriptions.retrieve(incomplete.id)).status).toBe('incomplete_expired');
  });

  it('falls past due when a renewal is declined, and recovers when the invoice is paid', async () => {
    const customer = await customerPaying();
    const subscription = await subscribe({ customer: customer.id });
    const declining = await harness.stripe.paymentMethods.attach('pm_card_chargeDeclinedInsufficientFunds', {
      customer: customer.id,
    });
    await harness.stripe.subscriptions.update(subscription.id, { default_payment_method: declining.id });

    await harness.simulator.advanceClock(31 * DAY);
    expect((await harness.stripe.subscriptions.retrieve(subscription.id)).status).toBe('past_due');
    const unpaid = await latestInvoice(subscription.id);
    expect(unpaid.status).toBe('open');

    const card = await harness.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const paid = await harness.stripe.invoices.pay(unpaid.id, { payment_method: card.id });
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 1999 });
    expect((await harness.stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
  });

  it('cancels at once, and refuses to cancel twice', async () => {
    const customer = await customerPaying();
    const subscription = await subscribe({ customer: customer.id, metadata: { plan: 'basic' } });
    await harness.simulator.advanceClock(3 * DAY);
    const canceled = await harness.stripe.subscriptions.cancel(subscription.id);
    const now = harness.simulator.now();
    expect(canceled).toMatchObject({
      status: 'canceled',
      canceled_at: now,
      ended_at: now,
      metadata: { plan: 'basic' },
    });
    expect(events('customer.subscription.deleted')).toHaveLength(1);
    const again = await rejection(harness.stripe.subscriptions.cancel(subscription.id));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again.statusCode).toBe(400);
    expect((await harness.stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0);
    expect(
      (await harness.stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data,
    ).toHaveLength(1);
  });

  it('applies a repeating coupon while it lasts', async () => {
    const customer = await customerPaying();
    const coupon = await harness.stripe.coupons.create({
      percent_off: 25,
      duration: 'repeating',
      duration_in_months: 2,
    });
    const subscription = await subscribe({ customer: customer.id, discounts: [{ coupon: coupon.id }] });
    const first = await latestInvoice(subscription.id);
    // 25 % of 1999 is 499.75: 500 off.
    expect(first).toMatchObject({ subtotal: 1999, total: 1499, amount_paid: 1499 });
    expect(first.total_discount_amounts).toEqual([{ amount: 500, discount: subscription.discounts[0] }]);
    expect((await harness.stripe.coupons.retrieve(coupon.id)).times_redeemed).toBe(1);

    await harness.simulator.advanceClock(31 * DAY);
    expect((await latestInvoice(subscription.id)).total).toBe(1499);
    await harness.simulator.advanceClock(28 * DAY);
    expect((await latestInvoice(subscription.id)).total).toBe(1999);
  });
});
