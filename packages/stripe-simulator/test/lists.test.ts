import { JAN_15_2026, startHarness, type Harness } from './support';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.simulator.close());

/** Five intents at each of three times, 100 s apart; ids oldest first. */
async function fifteenIntents(): Promise<string[]> {
  const ids: string[] = [];
  for (let batch = 0; batch < 3; batch++) {
    if (batch > 0) await harness.simulator.advanceClock(100);
    for (let i = 0; i < 5; i++) {
      ids.push((await harness.stripe.paymentIntents.create({ amount: 100 + i, currency: 'usd' })).id);
    }
  }
  return ids;
}

describe('lists', () => {
  it('pages newest first with starting_after and has_more', async () => {
    const { stripe } = harness;
    const ids = await fifteenIntents();
    const newestFirst = [...ids].reverse();

    const seen: string[] = [];
    let page = await stripe.paymentIntents.list({ limit: 4 });
    seen.push(...page.data.map((intent) => intent.id));
    while (page.has_more) {
      page = await stripe.paymentIntents.list({ limit: 4, starting_after: seen.at(-1)! });
      seen.push(...page.data.map((intent) => intent.id));
    }
    expect(seen).toEqual(newestFirst);
    expect(page).toMatchObject({ object: 'list', url: '/v1/payment_intents', has_more: false });

    const before = await stripe.paymentIntents.list({ limit: 3, ending_before: newestFirst[5]! });
    expect(before.data.map((intent) => intent.id)).toEqual(newestFirst.slice(2, 5));
    expect(before.has_more).toBe(true);

    expect((await stripe.paymentIntents.list()).data).toHaveLength(10);
    expect(await stripe.paymentIntents.list({ limit: 5 }).autoPagingToArray({ limit: 100 })).toHaveLength(15);
  });

  it('filters by created ranges', async () => {
    const { stripe } = harness;
    const ids = await fifteenIntents();
    const count = async (created: object) =>
      (await stripe.paymentIntents.list({ limit: 100, created })).data.map((intent) => intent.id);
    expect(await count({ gte: JAN_15_2026 + 100 })).toEqual(ids.slice(5).reverse());
    expect(await count({ gt: JAN_15_2026 + 100 })).toEqual(ids.slice(10).reverse());
    expect(await count({ lt: JAN_15_2026 + 100 })).toEqual(ids.slice(0, 5).reverse());
    expect(await count({ gte: JAN_15_2026 + 100, lte: JAN_15_2026 + 100 })).toEqual(
      ids.slice(5, 10).reverse(),
    );
    const exact = await stripe.paymentIntents.list({ created: JAN_15_2026 + 200 });
    expect(exact.data).toHaveLength(5);
  });

  it('filters customers by email and intents by customer', async () => {
    const { stripe } = harness;
    const ada = await stripe.customers.create({ email: 'ada@example.com' });
    await stripe.customers.create({ email: 'grace@example.com' });
    const found = await stripe.customers.list({ email: 'ada@example.com' });
    expect(found.data.map((customer) => customer.id)).toEqual([ada.id]);
    const intent = await stripe.paymentIntents.create({ amount: 500, currency: 'usd', customer: ada.id });
    await stripe.paymentIntents.create({ amount: 500, currency: 'usd' });
    expect((await stripe.paymentIntents.list({ customer: ada.id })).data.map((entry) => entry.id)).toEqual([
      intent.id,
    ]);
  });
});
