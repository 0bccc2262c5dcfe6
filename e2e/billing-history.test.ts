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
  // No refund window: a user's own refund is refused at once (admins may still refund).
  billing = await startBillingLattice({ env: { REFUND_WINDOW_DAYS: '0' } });
});
afterAll(() => billing?.stop());

const PAY = `mutation($input: CreatePaymentIntentInput!, $key: String!) {
  createPaymentIntent(input: $input, idempotencyKey: $key) { id amount createdAt }
}`;
const HISTORY = `query($from: DateTime, $to: DateTime, $first: Int, $after: String) {
  me { payments(from: $from, to: $to, first: $first, after: $after) {
    edges { node { amount } } pageInfo { hasNextPage endCursor } } }
}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('payment history and purchases', () => {
  it('lists payments newest first, within a date range, page by page', async () => {
    const user = await newCustomer(billing.lattice);
    const pay = (amount: number) =>
      ok(billing.lattice, user.token, PAY, {
        input: { amount, currency: 'usd', purpose: 'other', paymentMethod: 'pm_card_visa' },
        key: idempotencyKey(),
      });
    await pay(1_001);
    await pay(1_002);
    await pause(20);
    const between = new Date().toISOString();
    await pause(20);
    await pay(1_003);
    await pay(1_004);
    await pay(1_005);

    const amounts = (answer: any) => answer.me.payments.edges.map((edge: any) => edge.node.amount);
    expect(amounts(await ok(billing.lattice, user.token, HISTORY, { from: between }))).toEqual([
      1_005, 1_004, 1_003,
    ]);
    expect(amounts(await ok(billing.lattice, user.token, HISTORY, { to: between }))).toEqual([1_002, 1_001]);
    const first = await ok(billing.lattice, user.token, HISTORY, { first: 2 });
    expect(amounts(first)).toEqual([1_005, 1_004]);
    expect(first.me.payments.pageInfo.hasNextPage).toBe(true);
    const rest = await ok(billing.lattice, user.token, HISTORY, {
      first: 5,
      after: first.me.payments.pageInfo.endCursor,
    });
    expect(amounts(rest)).toEqual([1_003, 1_002, 1_001]);
    expect(rest.me.payments.pageInfo.hasNextPage).toBe(false);
    const backwards = await gql(billing.lattice, user.token, HISTORY, {
      from: between,
      to: '2000-01-01T00:00:00.000Z',
    });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('gives a membership for a purchase once, and stacks a second one after the first', async () => {
    const user = await newCustomer(billing.lattice);
    const buy = () =>
      ok(billing.lattice, user.token, PAY, {
        input: { purpose: 'membership', membershipPackage: 'gym-monthly', paymentMethod: 'pm_card_visa' },
        key: idempotencyKey(),
      });
    await buy();
    await buy();
    await billing.simulator.deliveries.idle();
    const { me } = await ok(
      billing.lattice,
      user.token,
      '{ me { memberships { type package startsAt expiresAt active } } }',
    );
    expect(me.memberships).toHaveLength(2);
    const [a, b] = [...me.memberships].sort(
      (x: any, y: any) => Date.parse(x.startsAt) - Date.parse(y.startsAt),
    );
    expect(a).toMatchObject({ type: 'gym', package: 'gym-monthly', active: true });
    expect(b.startsAt).toBe(a.expiresAt);
    expect(b.active).toBe(false);
  });

  it("refuses a user's own refund once the refund window has passed", async () => {
    const user = await newCustomer(billing.lattice);
    const { createPaymentIntent } = await ok(billing.lattice, user.token, PAY, {
      input: { amount: 2_000, currency: 'usd', purpose: 'other', paymentMethod: 'pm_card_visa' },
      key: idempotencyKey(),
    });
    await pause(5);
    const refused = await gql(
      billing.lattice,
      user.token,
      'mutation($id: ID!) { refundPayment(input: { paymentId: $id, reason: requested_by_customer }) { id } }',
      { id: createPaymentIntent.id },
    );
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const { payment } = await ok(
      billing.lattice,
      user.token,
      'query($id: ID!) { payment(id: $id) { amountRefunded } }',
      {
        id: createPaymentIntent.id,
      },
    );
    expect(payment.amountRefunded).toBe(0);
  });
});
