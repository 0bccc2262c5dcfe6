import { createEvent } from '@lattice/events';
import { type BillingLattice, gql, newCustomer, ok, startBillingLattice } from './support/billing';
import { waitFor } from '@lattice/testkit';

let billing: BillingLattice;
beforeAll(async () => {
  billing = await startBillingLattice();
});
afterAll(() => billing?.stop());

const DAY = 86_400;
const SUBSCRIBE = `mutation($input: SubscribeToPlanInput!) {
  subscribeToPlan(input: $input) { id status plan { id } trialEnd cancelAtPeriodEnd scheduledPlan { id } }
}`;
const CHANGE = `mutation($plan: ID!) { changePlan(plan: $plan) { status plan { id } scheduledPlan { id } } }`;
const CANCEL = `mutation($atPeriodEnd: Boolean) { cancelSubscription(atPeriodEnd: $atPeriodEnd) { status cancelAtPeriodEnd plan { id } } }`;
const ME = `{ me { id
  billing { plan { id } paymentMethod { brand last4 }
    subscription { id status plan { id } cancelAtPeriodEnd scheduledPlan { id } currentPeriodStart currentPeriodEnd } }
  usage { meter used limit resetsAt periodStart }
  billingInvoices(first: 20) { edges { node { status amountPaid currency reason hostedInvoiceUrl } } }
} }`;

const me = async (token: string) => (await ok(billing.lattice, token, ME)).me;
const meter = (state: any, name: string) => state.usage.find((entry: any) => entry.meter === name);
const settle = () => billing.simulator.deliveries.idle();

describe('a plan subscription through the gateway', () => {
  it('runs from a trial to renewals, an upgrade, a downgrade and a cancellation', async () => {
    const user = await newCustomer(billing.lattice);
    const started = await ok(billing.lattice, user.token, SUBSCRIBE, {
      input: { plan: 'pro', paymentMethod: 'pm_card_visa' },
    });
    expect(started.subscribeToPlan).toMatchObject({ status: 'trialing', plan: { id: 'pro' } });
    await settle();

    let state = await me(user.token);
    expect(state.billing.plan.id).toBe('pro');
    expect(state.billing.paymentMethod).toEqual({ brand: 'visa', last4: '4242' });
    expect(meter(state, 'aiTokens').limit).toBe(3_000_000);

    // The trial ends: the first period is charged and the plan stays.
    await billing.simulator.advanceClock(14 * DAY + 3600);
    await settle();
    await waitFor(async () => (await me(user.token)).billing.subscription.status === 'active');
    state = await me(user.token);
    expect(state.billingInvoices.edges.map((edge: any) => edge.node)).toContainEqual(
      expect.objectContaining({
        status: 'paid',
        amountPaid: 2_900,
        currency: 'usd',
        reason: 'subscription_cycle',
      }),
    );

    // Upgrade a third into the period: the difference for the rest of it, charged now.
    await billing.simulator.advanceClock(10 * DAY);
    const { currentPeriodStart, currentPeriodEnd } = state.billing.subscription;
    const upgraded = await ok(billing.lattice, user.token, CHANGE, { plan: 'enterprise' });
    expect(upgraded.changePlan.plan.id).toBe('enterprise');
    await settle();
    state = await me(user.token);
    const start = Date.parse(currentPeriodStart) / 1000;
    const end = Date.parse(currentPeriodEnd) / 1000;
    // Stripe's two proration lines, each rounded: the new price's share less the old one's.
    const share = (price: number) => Math.round((price * (end - billing.simulator.now())) / (end - start));
    const proration = state.billingInvoices.edges.find(
      (edge: any) => edge.node.reason === 'subscription_update',
    );
    expect(proration.node.amountPaid).toBe(share(9_900) - share(2_900));
    expect(meter(state, 'aiTokens').limit).toBeNull();

    // Downgrade: enterprise until the period ends, starter from the renewal.
    const downgraded = await ok(billing.lattice, user.token, CHANGE, { plan: 'starter' });
    expect(downgraded.changePlan).toMatchObject({
      plan: { id: 'enterprise' },
      scheduledPlan: { id: 'starter' },
    });
    expect(meter(await me(user.token), 'aiTokens').limit).toBeNull();

    // Usage of this period, reported by a metered domain, resets with the renewal.
    const period = (await me(user.token)).billing.subscription;
    await billing.lattice.bus.publish(
      createEvent('usage.recorded', {
        actor: user.id,
        subject: user.id,
        data: {
          userId: user.id,
          meter: 'aiTokens',
          amount: 1_234,
          key: `e2e:${user.id}`,
          periodStart: period.currentPeriodStart,
          periodEnd: period.currentPeriodEnd,
          limit: null,
        },
      }),
    );
    await waitFor(async () => meter(await me(user.token), 'aiTokens').used === 1_234);

    await billing.simulator.advanceClock(25 * DAY);
    await settle();
    await waitFor(async () => (await me(user.token)).billing.plan.id === 'starter');
    state = await me(user.token);
    expect(state.billing.subscription.scheduledPlan).toBeNull();
    expect(meter(state, 'aiTokens')).toMatchObject({ used: 0, limit: 500_000 });
    expect(Date.parse(meter(state, 'aiTokens').periodStart)).toBe(
      Date.parse(state.billing.subscription.currentPeriodStart),
    );
    expect(state.billingInvoices.edges.map((edge: any) => edge.node.amountPaid)).toContain(900);

    // Cancel at the period's end: starter until then, free after.
    const canceled = await ok(billing.lattice, user.token, CANCEL, { atPeriodEnd: true });
    expect(canceled.cancelSubscription).toMatchObject({
      status: 'active',
      cancelAtPeriodEnd: true,
      plan: { id: 'starter' },
    });
    await billing.simulator.advanceClock(32 * DAY);
    await settle();
    await waitFor(async () => (await me(user.token)).billing.plan.id === 'free');
    expect((await me(user.token)).billing.subscription.status).toBe('canceled');
  });

  it('reports a declined card clearly and leaves the user on the free plan', async () => {
    const user = await newCustomer(billing.lattice);
    const { errors } = await gql(billing.lattice, user.token, SUBSCRIBE, {
      input: { plan: 'starter', trialDays: 0, paymentMethod: 'pm_card_chargeDeclined' },
    });
    expect(errors?.[0]).toMatchObject({
      message: 'Your card was declined.',
      extensions: { code: 'PAYMENT_FAILED', declineCode: 'generic_decline' },
    });
    const state = await me(user.token);
    expect(state.billing).toMatchObject({ plan: { id: 'free' }, subscription: null });
  });

  it('pauses (free limits apply) and resumes', async () => {
    const user = await newCustomer(billing.lattice);
    await ok(billing.lattice, user.token, SUBSCRIBE, {
      input: { plan: 'pro', paymentMethod: 'pm_card_visa' },
    });
    const paused = await ok(billing.lattice, user.token, 'mutation { pauseSubscription { status } }');
    expect(paused.pauseSubscription.status).toBe('paused');
    let state = await me(user.token);
    expect(state.billing.plan.id).toBe('free');
    expect(meter(state, 'aiTokens').limit).toBe(20_000);
    const resumed = await ok(
      billing.lattice,
      user.token,
      'mutation { resumeSubscription { status plan { id } } }',
    );
    expect(resumed.resumeSubscription).toEqual({ status: 'trialing', plan: { id: 'pro' } });
    state = await me(user.token);
    expect(meter(state, 'aiTokens').limit).toBe(3_000_000);
  });

  it('refuses a second subscription, unknown plans and bad trials, changing nothing', async () => {
    const user = await newCustomer(billing.lattice);
    await ok(billing.lattice, user.token, SUBSCRIBE, { input: { plan: 'starter', trialDays: 3 } });
    const again = await gql(billing.lattice, user.token, SUBSCRIBE, { input: { plan: 'pro' } });
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    const unknown = await gql(billing.lattice, user.token, CHANGE, { plan: 'platinum' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plan' });
    const other = await newCustomer(billing.lattice);
    for (const input of [{ plan: 'free' }, { plan: 'pro', trialDays: -1 }, { plan: 'pro', trialDays: 365 }]) {
      const { errors } = await gql(billing.lattice, other.token, SUBSCRIBE, { input });
      expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await me(other.token)).billing.subscription).toBeNull();
    expect((await me(user.token)).billing.subscription.plan.id).toBe('starter');
  });
});
