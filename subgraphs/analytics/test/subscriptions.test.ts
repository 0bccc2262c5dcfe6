import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import {
  startTestSubgraph,
  type TestSubgraph,
  startTokenIssuer,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import { analytics } from '../src/subgraph';
import { event, registration } from './support/events';

let fixture: TestSubgraph;
let issuer: TokenIssuer;
const clients: Client[] = [];

beforeAll(async () => {
  issuer = await startTokenIssuer();
  fixture = await startTestSubgraph(analytics, { JWKS_URL: issuer.jwksUrl, LIVE_STATS_SAMPLE_MS: '100' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  await fixture?.stop();
  await issuer?.close();
});

async function client(role: 'admin' | 'user' | 'moderator' | null) {
  const created = wsClient(fixture.subgraph.url, role ? await issuer.token(role) : undefined);
  clients.push(created);
  return created;
}

const LIVE = `subscription($s: Int) { liveStats(intervalSeconds: $s) {
  at usersTotal signupsToday activeUsers connectedSubscribers eventsPerMinute services { name status } } }`;
const FEED = `subscription($types: [String!]) { platformEvents(types: $types) {
  id type occurredAt subject data actor { id } } }`;

describe('Subscription.liveStats', () => {
  it('sends the figures at once, then again when a user signs up', async () => {
    const live = subscribe<any>(await client('admin'), LIVE, { s: 1 });
    const [first] = await live.received(1, 3000);
    const before = first!.data.liveStats;
    expect(before.services).toEqual([{ name: 'analytics', status: expect.stringMatching(/UP|UNKNOWN/) }]);

    const userId = randomUUID();
    await fixture.bus.publish(registration(new Date().toISOString(), userId));
    const changed = await waitFor(
      () => live.results.find((result) => result.data.liveStats.usersTotal === before.usersTotal + 1),
      { timeoutMs: 5000, message: 'figures with the new user' },
    );
    expect(changed.data.liveStats).toMatchObject({
      signupsToday: before.signupsToday + 1,
      activeUsers: before.activeUsers + 1,
      eventsPerMinute: before.eventsPerMinute + 1,
    });
  });

  it('sends at most one update per interval, and nothing while figures stay the same', async () => {
    const live = subscribe<any>(await client('admin'), LIVE, { s: 2 });
    await live.received(1, 3000);
    // Let the first probe settle so only our events change the figures.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settled = live.results.length;
    for (let i = 0; i < 5; i += 1) {
      await fixture.bus.publish(registration(new Date().toISOString()));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const during = live.results.length - settled;
    expect(during).toBeLessThanOrEqual(1);
    await waitFor(() => live.results.length > settled, { timeoutMs: 4000, message: 'an update' });
    const times = live.results.map((result) => Date.parse(result.data.liveStats.at));
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1900);
    const quiet = live.results.length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(live.results.length).toBe(quiet);
  });

  it.each([0, 301])('refuses intervalSeconds %i as BAD_USER_INPUT', async (seconds) => {
    const live = subscribe<any>(await client('admin'), LIVE, { s: seconds });
    const [result] = await live.received(1);
    expect(result!.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'intervalSeconds',
    });
  });
});

describe('Subscription.platformEvents', () => {
  it('delivers each recorded event once, filtered by type, without secret data', async () => {
    const all = subscribe<any>(await client('admin'), FEED);
    const logins = subscribe<any>(await client('admin'), FEED, { types: ['identity.user_logged_in'] });
    // A subscription is live once the server has it: wait for a first event on both.
    const probe = registration();
    await waitFor(
      async () => {
        await fixture.bus.publish({ ...probe, id: randomUUID() });
        return all.results.length > 0;
      },
      { message: 'the feed to start' },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const start = all.results.length;

    const userId = randomUUID();
    const events = [
      registration(undefined, userId),
      event('identity.password_reset_requested', {
        userId,
        email: 'x@example.com',
        token: 'reset-secret',
        expiresAt: new Date().toISOString(),
      }),
      event('identity.user_logged_in', { userId, sessionId: 's', method: 'oidc' }, { actor: userId }),
    ];
    for (const e of events) await fixture.bus.publish(e);
    await fixture.bus.publish(events[2]!); // a redelivery is not a new event

    await all.received(start + 3);
    await logins.received(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const received = all.results.slice(start).map((result) => result.data.platformEvents);
    expect(received.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(received[0]).toEqual({
      id: events[0]!.id,
      type: 'identity.user_registered',
      occurredAt: events[0]!.occurredAt,
      subject: userId,
      data: { role: 'user' },
      actor: { id: userId },
    });
    expect(received[1].data).toBeNull();
    expect(JSON.stringify(all.results)).not.toContain('reset-secret');
    expect(logins.results.map((result) => result.data.platformEvents.id)).toEqual([events[2]!.id]);
  });

  it('refuses unknown event types as BAD_USER_INPUT', async () => {
    const feed = subscribe<any>(await client('admin'), FEED, {
      types: ['identity.user_logged_in', 'nope.never'],
    });
    const [result] = await feed.received(1);
    expect(result!.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
    expect(result!.errors![0]!.message).toContain('nope.never');
  });
});

describe('subscriptions are for admins only', () => {
  it.each([
    ['user', 'FORBIDDEN'],
    ['moderator', 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ] as const)('a %s gets %s on both', async (role, code) => {
    for (const document of [LIVE, FEED]) {
      const sub = subscribe<any>(await client(role), document);
      const [result] = await sub.received(1);
      expect(result!.data).toBeFalsy();
      expect(result!.errors![0]!.extensions!.code).toBe(code);
      await waitFor(() => sub.ended.complete === true, { message: 'the refused subscription completed' });
    }
  });
});
