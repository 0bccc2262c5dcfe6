import { startTokenIssuer, type TokenIssuer } from '@lattice/subgraph-kit/testing';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'graphql-ws';
import { createRedisBus, type EventBus, type EventEnvelope } from '@lattice/events';
import { type RunningSubgraph, startSubgraph, subgraphConfigFromEnv } from '@lattice/subgraph-kit';
import {
  createTestDatabase,
  deleteRedisKeys,
  describeWithRedis,
  subscribe,
  type TestDatabase,
  testRedisUrl,
  uniqueRedisPrefix,
  waitFor,
  wsClient,
} from '@lattice/testkit';
import { analytics } from '../src/subgraph';
import type { AnalyticsRuntime } from '../src/runtime';
import { registration } from './support/events';

const redisUrl = testRedisUrl();

/** Analytics as one replica, noting the ids of the events its own consumer applied. */
function replica(consumed: Set<string>) {
  const consumers = Object.fromEntries(
    Object.entries(analytics.consumers!).map(([type, apply]) => [
      type,
      async (em: EntityManager, event: EventEnvelope, runtime: AnalyticsRuntime) => {
        await (
          apply as (em: EntityManager, event: EventEnvelope, runtime: AnalyticsRuntime) => Promise<void>
        )(em, event, runtime);
        consumed.add(event.id);
      },
    ]),
  );
  return { ...analytics, consumers };
}

describeWithRedis('two analytics replicas sharing Redis and PostgreSQL', () => {
  let database: TestDatabase;
  let issuer: TokenIssuer;
  let publisher: EventBus;
  const prefix = uniqueRedisPrefix('analytics');
  const replicas: RunningSubgraph[] = [];
  const consumedBy = { a: new Set<string>(), b: new Set<string>() };
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    issuer = await startTokenIssuer();
    const config = subgraphConfigFromEnv(0, {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      JWKS_URL: issuer.jwksUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    });
    // One after the other: both would otherwise run the first migration at once.
    replicas.push(await startSubgraph(replica(consumedBy.a), config));
    replicas.push(await startSubgraph(replica(consumedBy.b), config));
    publisher = createRedisBus({ url: redisUrl!, prefix });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await publisher?.close();
    for (const running of replicas) await running.close();
    await issuer?.close();
    await database?.drop();
    await deleteRedisKeys(redisUrl!, prefix);
  });

  it('gives every subscriber, on either replica, each event exactly once', async () => {
    const token = await issuer.token('admin');
    const FEED = 'subscription { platformEvents(types: ["identity.user_registered"]) { id } }';
    const feeds = replicas.map((running) => {
      const client = wsClient(running.url, token);
      clients.push(client);
      return subscribe<any>(client, FEED);
    });
    // Both subscriptions are live once a warm-up event reached both.
    await waitFor(
      async () => {
        await publisher.publish(registration());
        return feeds.every((feed) => feed.results.length > 0);
      },
      { intervalMs: 200, message: 'both feeds to start' },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const starts = feeds.map((feed) => feed.results.length);

    const events = Array.from({ length: 20 }, () => registration());
    for (const event of events) {
      await publisher.publish(event);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const ids = events.map((event) => event.id);
    for (const [i, feed] of feeds.entries()) {
      await feed.received(starts[i]! + ids.length);
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // any duplicate would arrive by now
    for (const [i, feed] of feeds.entries()) {
      const received = feed.results.slice(starts[i]).map((result) => result.data.platformEvents.id);
      expect([...received].sort()).toEqual([...ids].sort());
    }
    // The consumer group split the work: each replica applied some of the events, none both.
    const a = ids.filter((id) => consumedBy.a.has(id));
    const b = ids.filter((id) => consumedBy.b.has(id));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.length + b.length).toBe(ids.length);

    const [row] = await replicas[0]!.orm.em
      .getConnection()
      .execute<{ count: string }[]>(
        `select count(*) from analytics.event_fact where id in (${ids.map(() => '?').join(',')})`,
        ids,
      );
    expect(Number(row!.count)).toBe(ids.length);
  });
});
