import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { gatewayConfigFromEnv, startGateway } from '@lattice/gateway';
import { subscribe, type Subscription, testRedisUrl, waitFor, wsClient } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { composeSupergraph } from './support/compose';
import { metricValue, waitForMetric as waitForGatewayMetric } from './support/metrics';
import { startTestLattice, type TestLattice } from './support/test-lattice';

const REGISTRATIONS = /* GraphQL */ `
  subscription {
    platformEvents(types: ["identity.user_registered"]) {
      subject
      actor {
        email
      }
    }
  }
`;

let lattice: TestLattice;
let adminToken: string;
let dir: string;
let supergraphPath: string;
const clients: Array<{ dispose(): void | Promise<void> }> = [];
/** What the tests started in place of the lattice's own (stopped before it). */
const replacements: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lattice-subscriptions-'));
  supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph());
  lattice = await startTestLattice({}, { supergraphPath });
  const admin = await registerUser(lattice);
  adminToken = await promoteToAdmin(lattice, admin.email);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  for (const replacement of replacements.reverse()) await replacement.close();
  await lattice.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Subscribers that reconnect, as graphql-ws clients do with retries on. */
function subscribers(count: number): Subscription[] {
  return Array.from({ length: count }, () => {
    const client = wsClient(lattice.gateway.url, adminToken, {
      retryAttempts: 50,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 100)),
      shouldRetry: () => true,
    });
    clients.push(client);
    return subscribe(client, REGISTRATIONS);
  });
}

/** Registers a user and waits until every subscriber has been told, exactly once. */
async function everyoneSeesARegistration(feeds: Subscription[]): Promise<void> {
  const user = await registerUser(lattice);
  const about = (feed: Subscription) => feed.data().filter((data) => data.platformEvents.subject === user.id);
  await waitFor(() => feeds.every((feed) => about(feed).length > 0), {
    timeoutMs: 20_000,
    message: 'every subscriber to receive the event',
  });
  for (const feed of feeds) {
    expect(about(feed)).toEqual([{ platformEvents: { subject: user.id, actor: { email: user.email } } }]);
    expect(feed.ended).toEqual({});
  }
}

test('replacing the supergraph file while 50 clients are subscribed loses none of them', async () => {
  const feeds = subscribers(50);
  await waitForMetric('subscriptions_active', 50);
  await everyoneSeesARegistration(feeds);

  writeFileSync(supergraphPath, composeSupergraph('reloadMarker: Boolean'));
  await waitFor(async () => (await queryFields()).includes('reloadMarker'), { timeoutMs: 10_000 });

  expect(await metric('subscriptions_active')).toBe(50);
  await everyoneSeesARegistration(feeds);
}, 60_000);

test('a subgraph restart does not end subscriptions: the gateway subscribes again', async () => {
  const feeds = subscribers(5);
  await waitForMetric('subscription_upstreams', 1);
  const reconnectsBefore = await metric('subscription_upstream_reconnects_total');
  const running = lattice.subgraphs.analytics!;
  await running.close();
  await waitForMetric('subscription_upstreams_reconnecting', 1);
  await startAgain('analytics', running.port);
  // Events published while the upstream is down are not replayed: wait until it is back.
  await waitForMetric('subscription_upstreams_reconnecting', 0);
  await everyoneSeesARegistration(feeds);
  expect(await metric('subscription_upstream_reconnects_total')).toBeGreaterThan(reconnectsBefore);
}, 60_000);

test('an event whose other fields fail carries the error, and the next one arrives whole', async () => {
  const [feed] = subscribers(1) as [Subscription];
  const query =
    'subscription { platformEvents(types: ["identity.user_registered"]) { subject actor { email profile { displayName } } } }';
  const withProfile = subscribe(clients.at(-1) as Client, query);
  await waitForMetric('subscription_upstreams', 2);
  const accountsRunning = lattice.subgraphs.accounts!;
  await accountsRunning.close();

  const first = await registerUser(lattice);
  const about = (id: string) =>
    withProfile.results.find((result) => result.data?.platformEvents.subject === id);
  await waitFor(() => about(first.id), { timeoutMs: 20_000 });
  expect(about(first.id)!.data!.platformEvents.actor).toEqual({ email: first.email, profile: null });
  expect(about(first.id)!.errors?.map((error) => error.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');

  await startAgain('accounts', accountsRunning.port);
  const second = await registerUser(lattice);
  await waitFor(() => about(second.id), { timeoutMs: 20_000 });
  expect(about(second.id)!.errors).toBeUndefined();
  expect(about(second.id)!.data!.platformEvents.actor.profile).toEqual({ displayName: expect.any(String) });
  expect(withProfile.ended).toEqual({});
  expect(feed.ended).toEqual({});
}, 60_000);

test('after a gateway restart, clients with retries reconnect and keep receiving events', async () => {
  const feeds = subscribers(5);
  await waitForMetric('subscriptions_active', 5);
  const { port } = lattice.gateway;
  await lattice.gateway.close();
  const settings = gatewayConfigFromEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SUPERGRAPH_PATH: supergraphPath,
    PORT: String(port),
    HOST: '127.0.0.1',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: lattice.redisPrefix,
    SUBGRAPH_SECRET: lattice.subgraphSecret,
  });
  const subgraphUrls = Object.fromEntries(Object.values(lattice.subgraphs).map((s) => [s.name, s.url]));
  lattice.gateway = await startGateway({ ...settings, subgraphUrls }, { bus: lattice.bus });
  replacements.push(lattice.gateway);
  await waitForMetric('subscriptions_active', 5);
  await everyoneSeesARegistration(feeds);
}, 60_000);

/** Starts a stopped subgraph of the lattice again, on its port. */
async function startAgain(name: string, port: number): Promise<void> {
  const restarted = await lattice.restartSubgraph(name, port);
  replacements.push(restarted);
  lattice.subgraphs[name] = restarted;
}

async function queryFields(): Promise<string[]> {
  const response = await lattice.post({ query: '{ __type(name: "Query") { fields { name } } }' });
  return (response.json.data?.__type?.fields ?? []).map((field: { name: string }) => field.name);
}

function metric(name: string): Promise<number> {
  return metricValue(lattice.gateway.url, name);
}

function waitForMetric(name: string, value: number): Promise<void> {
  return waitForGatewayMetric(lattice.gateway.url, name, value);
}
