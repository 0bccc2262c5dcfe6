import { waitFor } from '@lattice/testkit';
import { promoteToAdmin } from './support/accounts';
import {
  type BillingLattice,
  gql,
  idempotencyKey,
  newCustomer,
  ok,
  startBillingLattice,
} from './support/billing';

let billing: BillingLattice;
let admin: string;
beforeAll(async () => {
  billing = await startBillingLattice({ subgraphs: ['analytics'] });
  const staff = await newCustomer(billing.lattice);
  admin = await promoteToAdmin(billing.lattice, staff.email);
});
afterAll(() => billing?.stop());

const today = new Date().toISOString().slice(0, 10);
const REVENUE = `query($day: Date!) {
  revenue(from: $day, to: $day, currency: "usd") {
    totals { gross { amount } refunds { amount } net { amount } }
    byPlan { plan gross { amount } }
  }
  mrr(currency: "usd") { amount { amount } subscribers byPlan { plan amount { amount } } }
  customerLifetimeValue(currency: "usd") { customers total { amount } }
}`;

describe('billing events reach analytics', () => {
  it('counts payments, refunds and subscriptions into revenue, MRR and lifetime value, for admins only', async () => {
    const buyer = await newCustomer(billing.lattice);
    const { createPaymentIntent } = await ok(
      billing.lattice,
      buyer.token,
      `mutation($key: String!) { createPaymentIntent(input: { amount: 5000, currency: "usd", purpose: other, paymentMethod: "pm_card_visa" }, idempotencyKey: $key) { id } }`,
      { key: idempotencyKey() },
    );
    await ok(
      billing.lattice,
      buyer.token,
      'mutation($id: ID!) { refundPayment(input: { paymentId: $id, amount: 1200, reason: requested_by_customer }) { id } }',
      { id: createPaymentIntent.id },
    );
    const subscriber = await newCustomer(billing.lattice);
    await ok(
      billing.lattice,
      subscriber.token,
      'mutation { subscribeToPlan(input: { plan: "pro", trialDays: 0, paymentMethod: "pm_card_visa" }) { status } }',
    );
    await billing.simulator.deliveries.idle();

    const report = async () => (await ok(billing.lattice, admin, REVENUE, { day: today })) as any;
    // Payments, refunds and plan changes are separate events, each reaching analytics in its own time.
    await waitFor(async () => {
      const { revenue, mrr, customerLifetimeValue } = await report();
      return (
        revenue.totals[0]?.gross.amount === '7900' &&
        mrr[0]?.subscribers === 1 &&
        customerLifetimeValue[0]?.total.amount === '6700'
      );
    });
    const { revenue, mrr, customerLifetimeValue } = await report();
    expect(revenue.totals[0]).toEqual({
      gross: { amount: '7900' },
      refunds: { amount: '1200' },
      net: { amount: '6700' },
    });
    expect(revenue.byPlan).toContainEqual({ plan: 'pro', gross: { amount: '2900' } });
    expect(mrr[0]).toMatchObject({ amount: { amount: '2900' }, subscribers: 1 });
    expect(customerLifetimeValue[0]).toMatchObject({ customers: 2, total: { amount: '6700' } });

    const refused = await gql(billing.lattice, buyer.token, REVENUE, { day: today });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
