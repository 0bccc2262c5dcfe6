/**
 * Stripe webhooks through the gateway's host: a real history of Stripe events (subscriptions
 * with trials and renewals, credit purchases, refunds made in Stripe) is replayed twice into
 * two copies of the same billing database: once in order, one at a time (the baseline), and
 * once with every event delivered 3 times, shuffled, 16 at a time. Prints events applied per
 * second for both, the effects of duplicates (must be 0), and whether both final states match.
 *   npm run bench:billing-webhooks     (BENCH_USERS, BENCH_MONTHS, BENCH_CONCURRENCY to tune)
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import Stripe from 'stripe';
import { startLattice, type Lattice } from '@lattice/all-in-one';
import { readSubgraphManifest } from '@lattice/manifest';
import { startStripeSimulator, type StripeEventRecord } from '@lattice/stripe-simulator';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';

const USERS = Number(process.env.BENCH_USERS ?? 150);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const COPIES = 3;
const DAY = 86_400;
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

function supergraph(): string {
  const services = readSubgraphManifest()
    .filter(({ name }) => name === 'identity' || name === 'billing')
    .map(({ name, dir }) => ({
      name,
      url: `http://${name}.invalid/graphql`,
      typeDefs: parse(readFileSync(join(dir, 'schema.graphql'), 'utf8')),
    }));
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

async function start(database: TestDatabase, supergraphPath: string, env: Record<string, string>) {
  return startLattice({
    databaseUrl: database.url,
    gatewayPort: 0,
    subgraphPorts: 'random',
    logLevel: 'silent',
    nodeEnv: 'test',
    supergraphPath,
    only: ['identity', 'billing'],
    env: {
      RATE_LIMIT_IP_RPS: '100000',
      RATE_LIMIT_IP_BURST: '100000',
      RATE_LIMIT_USER_RPS: '100000',
      ...env,
    },
  });
}

async function graphql(lattice: Lattice, query: string, variables: unknown, token?: string): Promise<any> {
  const response = await fetch(lattice.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: any; errors?: unknown };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

/** A user's history: a trial of pro with a card, a credit pack, and a refund made in Stripe. */
async function history(lattice: Lattice, stripe: Stripe, index: number): Promise<void> {
  const { register } = await graphql(
    lattice,
    'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }',
    {
      i: {
        email: `bench-${index}-${randomBytes(3).toString('hex')}@example.com`,
        password: 'bench password 1',
      },
    },
  );
  const token = register.accessToken as string;
  await graphql(
    lattice,
    'mutation { subscribeToPlan(input: { plan: "pro", paymentMethod: "pm_card_visa" }) { id } }',
    {},
    token,
  );
  const { createPaymentIntent } = await graphql(
    lattice,
    'mutation($k: String!) { createPaymentIntent(input: { purpose: credits, creditPack: "credits-50", paymentMethod: "pm_card_visa" }, idempotencyKey: $k) { stripePaymentIntentId } }',
    { k: `bench-credits-${index}` },
    token,
  );
  await stripe.refunds.create({ payment_intent: createPaymentIntent.stripePaymentIntentId, amount: 500 });
}

/** Delivers events as Stripe does (signed, POSTed to the gateway); returns the seconds taken. */
async function deliver(url: string, secret: string, events: StripeEventRecord[], concurrency: number) {
  const started = process.hrtime.bigint();
  let failures = 0;
  await pool(events, concurrency, async (event) => {
    const payload = JSON.stringify(event);
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }),
        },
        body: payload,
      });
      await response.arrayBuffer();
      if (response.ok) return;
      failures += 1;
      if (attempt === 5) throw new Error(`${event.id} not applied: ${response.status}`);
    }
  });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, failures };
}

/** Billing's state, ids of its own rows aside: what two replays must agree on. */
async function finalState(lattice: Lattice): Promise<Record<string, unknown[]>> {
  const sql = (query: string) => lattice.subgraphs.billing!.orm.em.getConnection().execute(query);
  return {
    subscriptions:
      await sql(`select user_id, stripe_subscription_id, plan, status, live, current_period_start,
      current_period_end, cancel_at_period_end, paused, scheduled_plan from billing.plan_subscription order by 2`),
    payments:
      await sql(`select stripe_payment_intent_id, status, amount_refunded, fulfilled_at is not null as fulfilled
      from billing.payment order by 1`),
    refunds: await sql('select stripe_refund_id, amount, reason from billing.refund order by 1'),
    invoices: await sql(
      'select stripe_invoice_id, status, amount_paid from billing.billing_invoice order by 1',
    ),
    credits: await sql(
      'select user_id, subscription, purchased, held from billing.credit_account order by 1',
    ),
    ledger: await sql(`select user_id, kind, count(*)::int, sum(amount)::int from billing.credit_ledger_entry
      group by 1, 2 order by 1, 2`),
    allowances: await sql(
      'select user_id, plan, period_start, period_end from billing.usage_allowance order by 1',
    ),
    published: await sql('select type, count(*)::int from billing.outbox_event group by 1 order by 1'),
  };
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'lattice-bench-'));
  const supergraphPath = join(scratch, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraph());
  const simulator = await startStripeSimulator(); // no webhook: events are only recorded
  const secret = `whsec_${randomBytes(24).toString('hex')}`;
  const env = { STRIPE_API_URL: simulator.url, STRIPE_WEBHOOK_SECRET: secret };
  const stripe = new Stripe('sk_test_bench', simulator.sdkOptions);
  const databases: TestDatabase[] = [];
  try {
    // 1. The history, made through the gateway while no event is delivered.
    const origin = await createTestDatabase();
    databases.push(origin);
    let lattice = await start(origin, supergraphPath, env);
    const users = Array.from({ length: USERS }, (_, i) => i);
    await pool(users, 8, (index) => history(lattice, stripe, index));
    for (let month = 0; month < MONTHS; month += 1) await simulator.advanceClock(31 * DAY);
    await lattice.close();
    const events = simulator.deliveries.events();
    console.log(`history: ${USERS} users, ${MONTHS} months → ${events.length} Stripe events`);

    // 2. In order, one at a time, into a copy.
    const inOrder = await createTestDatabase({ template: origin.name });
    databases.push(inOrder);
    lattice = await start(inOrder, supergraphPath, env);
    const webhooks = (running: Lattice) => new URL('/webhooks/stripe', running.gateway.url).href;
    const ordered = await deliver(webhooks(lattice), secret, events, 1);
    const expected = await finalState(lattice);
    await lattice.close();

    // 3. Each event 3 times, shuffled, CONCURRENCY at a time, into another copy.
    const chaos = await createTestDatabase({ template: origin.name });
    databases.push(chaos);
    lattice = await start(chaos, supergraphPath, env);
    const deliveries = shuffled(events.flatMap((event) => Array.from({ length: COPIES }, () => event)));
    const shuffledRun = await deliver(webhooks(lattice), secret, deliveries, CONCURRENCY);
    const actual = await finalState(lattice);
    const applied = await lattice.subgraphs
      .billing!.orm.em.getConnection()
      .execute<Array<{ n: number }>>('select count(*)::int n from billing.webhook_event');
    await lattice.close();

    const same = JSON.stringify(actual) === JSON.stringify(expected);
    const rows = [
      [
        'in order, 1 at a time',
        events.length,
        ordered.seconds,
        events.length / ordered.seconds,
        ordered.failures,
      ],
      [
        `${COPIES}× shuffled, ${CONCURRENCY} at a time`,
        deliveries.length,
        shuffledRun.seconds,
        deliveries.length / shuffledRun.seconds,
        shuffledRun.failures,
      ],
    ] as const;
    console.log('\n| delivery | deliveries | seconds | deliveries/s | non-2xx |\n|---|---|---|---|---|');
    for (const [name, count, seconds, rate, failures] of rows) {
      console.log(`| ${name} | ${count} | ${seconds.toFixed(1)} | ${rate.toFixed(0)} | ${failures} |`);
    }
    console.log(
      `\nevents applied: ${applied[0]!.n} of ${events.length} distinct (duplicates applied: ${applied[0]!.n - events.length})`,
    );
    console.log(`final state equal to in-order application: ${same ? 'yes' : 'NO'}`);
    if (!same) {
      for (const key of Object.keys(expected)) {
        if (JSON.stringify(expected[key]) !== JSON.stringify(actual[key])) console.log(`  differs: ${key}`);
      }
      process.exitCode = 1;
    }
  } finally {
    await simulator.close();
    for (const database of databases) await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
