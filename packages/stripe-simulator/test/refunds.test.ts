import Stripe from 'stripe';
import { rejection, startHarness, type Harness } from './support';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.simulator.close());

async function paid(amount: number): Promise<Stripe.PaymentIntent> {
  return harness.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: true,
  });
}

describe('refunds', () => {
  it('refunds part, then the rest, then refuses more', async () => {
    const { stripe, simulator } = harness;
    const intent = await paid(5000);
    const partial = await stripe.refunds.create({
      payment_intent: intent.id,
      amount: 2000,
      reason: 'requested_by_customer',
    });
    expect(partial).toMatchObject({
      object: 'refund',
      amount: 2000,
      status: 'succeeded',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      reason: 'requested_by_customer',
    });
    expect(partial.id).toMatch(/^re_/);
    let charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 2000, refunded: false });

    const rest = await stripe.refunds.create({ charge: charge.id });
    expect(rest.amount).toBe(3000);
    charge = await stripe.charges.retrieve(charge.id);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });

    const more = await rejection(stripe.refunds.create({ payment_intent: intent.id }));
    expect(more).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(more).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });

    const listed = await stripe.refunds.list({ payment_intent: intent.id });
    expect(listed.data.map((refund) => refund.id)).toEqual([rest.id, partial.id]);

    const refunded = simulator.deliveries.events().filter((event) => event.type === 'charge.refunded');
    expect(refunded).toHaveLength(2);
    expect(refunded[1]!.data.object).toMatchObject({
      amount_refunded: 5000,
      refunded: true,
      refunds: { object: 'list' },
    });
    expect(refunded[1]!.data.previous_attributes).toMatchObject({ amount_refunded: 2000, refunded: false });
    expect(simulator.deliveries.events().filter((event) => event.type === 'refund.created')).toHaveLength(2);
  });

  it("refuses a refund larger than what remains, with Stripe's message", async () => {
    const { stripe } = harness;
    const intent = await paid(1000);
    await stripe.refunds.create({ payment_intent: intent.id, amount: 600 });
    const error = await rejection(stripe.refunds.create({ payment_intent: intent.id, amount: 500 }));
    expect(error).toMatchObject({
      statusCode: 400,
      param: 'amount',
      message: 'Refund amount ($5.00) is greater than unrefunded amount on charge ($4.00)',
    });
  });

  it('refuses to refund an intent that was not paid', async () => {
    const intent = await harness.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const error = await rejection(harness.stripe.refunds.create({ payment_intent: intent.id }));
    expect(error).toMatchObject({ statusCode: 400, param: 'payment_intent' });
  });
});
