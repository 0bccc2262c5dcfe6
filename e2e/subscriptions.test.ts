import { createClient as createSseClient } from 'graphql-sse';
import { MeDocument } from '@lattice/client';
import { closeCode, subscribe, waitFor, wsClient } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { metricValue, waitForMetric as waitForGatewayMetric } from './support/metrics';
import { startTestLattice, type TestLattice } from './support/test-lattice';

const PLATFORM_EVENTS = /* GraphQL */ `
  subscription Registrations {
    platformEvents(types: ["identity.user_registered"]) {
      type
      subject
      actor {
        id
        email
        profile {
          displayName
        }
      }
    }
  }
`;
const LIVE_STATS = /* GraphQL */ `
  subscription {
    liveStats(intervalSeconds: 1) {
      usersTotal
      signupsToday
    }
  }
`;

let lattice: TestLattice;
let adminToken: string;
const clients: Array<{ dispose(): void | Promise<void> }> = [];

beforeAll(async () => {
  lattice = await startTestLattice();
  const admin = await registerUser(lattice);
  adminToken = await promoteToAdmin(lattice, admin.email);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  await lattice.stop();
});

function client(token?: string) {
  const created = wsClient(lattice.gateway.url, token);
  clients.push(created);
  return created;
}

async function displayNameOf(token: string): Promise<string | null | undefined> {
  const { me } = await lattice.client(token).request(MeDocument);
  return me?.profile?.displayName;
}

test('an admin sees a registration live, with the actor resolved from identity and accounts', async () => {
  const feed = subscribe(client(adminToken), PLATFORM_EVENTS);
  // The upstream subscription is open once the gateway counts it.
  await waitForMetric('subscription_upstreams', 1);

  const user = await registerUser(lattice);
  const [event] = await feed.received(1);
  expect(event!.errors).toBeUndefined();
  expect(event!.data).toEqual({
    platformEvents: {
      type: 'identity.user_registered',
      subject: user.id,
      actor: {
        id: user.id,
        email: user.email,
        profile: { displayName: await displayNameOf(user.accessToken) },
      },
    },
  });
  expect(event!.data!.platformEvents.actor.profile.displayName).toEqual(expect.any(String));
});

test('liveStats changes when users sign up', async () => {
  const stats = subscribe<{ liveStats: { usersTotal: number; signupsToday: number } }>(
    client(adminToken),
    LIVE_STATS,
  );
  const [first] = await stats.received(1);
  const before = first!.data!.liveStats;
  await registerUser(lattice);
  await registerUser(lattice);
  await expect(
    waitForValue(() => stats.data().at(-1)?.liveStats.usersTotal === before.usersTotal + 2),
  ).resolves.toBe(true);
  expect(stats.data().at(-1)!.liveStats.signupsToday).toBe(before.signupsToday + 2);
});

test('a user who is not an admin is refused with FORBIDDEN, an anonymous one with UNAUTHENTICATED', async () => {
  const user = await registerUser(lattice);
  const refused = subscribe(client(user.accessToken), PLATFORM_EVENTS);
  const anonymous = subscribe(client(), PLATFORM_EVENTS);
  await waitForValue(() => Boolean(refused.ended.error && anonymous.ended.error));
  expect(codesOf(refused.ended.error)).toEqual(['FORBIDDEN']);
  expect(codesOf(anonymous.ended.error)).toEqual(['UNAUTHENTICATED']);
  expect(await metric('subscription_upstreams')).toBe(0);
});

test('a bad token in connection_init closes the socket with 4403', async () => {
  const forged = client(`${adminToken.slice(0, -4)}AAAA`);
  const closed = closeCode(forged);
  subscribe(forged, PLATFORM_EVENTS);
  await expect(closed).resolves.toMatchObject({ code: 4403 });
});

test('invalid subscriptions get validation errors and open nothing upstream', async () => {
  const admin = client(adminToken);
  const unknownField = subscribe(admin, 'subscription { platformEvents { nope } }');
  const badVariable = subscribe(
    admin,
    'subscription ($t: [String!]) { platformEvents(types: $t) { type } }',
    {
      t: 42,
    },
  );
  const oversized = subscribe(admin, `subscription { platformEvents { ${'type '.repeat(10_001)} } }`);
  await waitForValue(() =>
    Boolean(unknownField.ended.error && badVariable.ended.error && oversized.ended.error),
  );
  expect(codesOf(unknownField.ended.error)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(codesOf(badVariable.ended.error)).toEqual(['BAD_USER_INPUT']);
  expect(codesOf(oversized.ended.error)).toEqual(['GRAPHQL_PARSE_FAILED']);
  expect(await metric('subscription_upstreams')).toBe(0);
});

test('100 admins on the same subscription share one upstream subscription and all get each event', async () => {
  const admins = await Promise.all(
    Array.from({ length: 100 }, async () => {
      const user = await registerUser(lattice);
      return promoteToAdmin(lattice, user.email);
    }),
  );
  const feeds = admins.map((token) => subscribe(client(token), PLATFORM_EVENTS));
  await waitForMetric('subscriptions_active', 100);
  expect(await metric('subscription_upstreams')).toBe(1);

  // Events of the admins' own sign-ups may still be on their way: only the new one counts.
  const user = await registerUser(lattice);
  const eventsAbout = (feed: (typeof feeds)[number]) =>
    feed.data().filter((data) => data.platformEvents.subject === user.id);
  await waitForValue(() => feeds.every((feed) => eventsAbout(feed).length > 0));
  for (const feed of feeds) expect(eventsAbout(feed)).toHaveLength(1);
  for (const feed of feeds) feed.stop();
  await waitForMetric('subscription_upstreams', 0);
}, 60_000);

test('one connection may run at most SUBSCRIPTIONS_PER_CONNECTION (100) operations at once', async () => {
  const admin = client(adminToken);
  const allowed = Array.from({ length: 100 }, () => subscribe(admin, PLATFORM_EVENTS));
  await waitForMetric('subscriptions_active', 100);
  const refused = subscribe(admin, PLATFORM_EVENTS);
  await waitForValue(() => refused.ended.error !== undefined);
  expect(codesOf(refused.ended.error)).toEqual(['RATE_LIMITED']);
  expect(allowed.every((feed) => Object.keys(feed.ended).length === 0)).toBe(true);
  allowed[0]!.stop();
  await waitForMetric('subscriptions_active', 99);
  const again = subscribe(admin, PLATFORM_EVENTS);
  await waitForMetric('subscriptions_active', 100);
  expect(again.ended).toEqual({});
});

test('subscriptions are also served over Server-Sent Events', async () => {
  const sse = createSseClient({
    url: lattice.gateway.url,
    headers: { authorization: `Bearer ${adminToken}` },
    retryAttempts: 0,
  });
  clients.push(sse);
  const received: any[] = [];
  sse.subscribe(
    { query: PLATFORM_EVENTS },
    { next: (value) => received.push(value), error: () => {}, complete: () => {} },
  );
  await waitForMetric('subscription_upstreams', 1);
  const user = await registerUser(lattice);
  await waitForValue(() => received.some((event) => event.data.platformEvents.subject === user.id));
  const event = received.find((item) => item.data.platformEvents.subject === user.id);
  expect(event.data.platformEvents.actor.email).toBe(user.email);
});

test('queries and mutations also run over the WebSocket, with the connection token', async () => {
  const admin = client(adminToken);
  const result = await new Promise<any>((resolve, reject) => {
    admin.subscribe({ query: '{ me { role } }' }, { next: resolve, error: reject, complete: () => {} });
  });
  expect(result).toEqual({ data: { me: { role: 'ADMIN' } } });
});

function codesOf(error: unknown): unknown[] {
  return (error as Array<{ extensions?: { code?: unknown } }>).map((item) => item.extensions?.code);
}

function metric(name: string): Promise<number> {
  return metricValue(lattice.gateway.url, name);
}

function waitForMetric(name: string, value: number): Promise<void> {
  return waitForGatewayMetric(lattice.gateway.url, name, value);
}

function waitForValue(check: () => boolean | Promise<boolean>, message = 'condition'): Promise<true> {
  return waitFor(check, { timeoutMs: 15_000, message }) as Promise<true>;
}
