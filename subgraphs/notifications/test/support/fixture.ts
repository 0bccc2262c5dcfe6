import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, type EventData, type EventEnvelope, type EventType } from '@lattice/events';
import type { Role } from '@lattice/server-kit';
import {
  startTestSubgraph,
  startTokenIssuer,
  type TestSubgraph,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import { wsClient } from '@lattice/testkit';
import { notifications } from '../../src/subgraph';

export interface Notifications {
  fixture: TestSubgraph;
  issuer: TokenIssuer;
  /** A GraphQL request as the gateway sends it (signed), as the holder of `token` (anonymous: null). */
  post(token: string | null, query: string, variables?: Record<string, unknown>): Promise<any>;
  /** A graphql-ws client authenticated with `token` (only without `gatewayOnly`). */
  ws(token: string): ReturnType<typeof wsClient>;
  token(role: Role, userId?: string): Promise<string>;
  /** An EntityManager of its own, to seed and inspect rows. */
  em(): EntityManager;
  /** Publishes an event on the subgraph's bus; resolves once its consumers have applied it. */
  publish<T extends EventType>(type: T, data: EventData<T>): Promise<EventEnvelope<T>>;
  stop(): Promise<void>;
}

/**
 * The subgraph on a free port over a fresh database. With `gatewayOnly` (the default) it
 * serves the gateway alone, as in production, and `post` signs as the gateway does; WebSocket
 * tests go without (as analytics' do). Mail goes to a capture of its own on a free port; the
 * dispatcher retries late, so a failed send changes nothing while a test runs.
 */
export async function startNotifications({ gatewayOnly = true } = {}): Promise<Notifications> {
  const issuer = await startTokenIssuer();
  const fixture = await startTestSubgraph(notifications, {
    JWKS_URL: issuer.jwksUrl,
    ...(gatewayOnly ? { SUBGRAPH_SECRET: randomBytes(32).toString('hex') } : {}),
    MAIL_CAPTURE_PORT: '0',
    DELIVERY_RETRY_BASE_MS: '600000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  return {
    fixture,
    issuer,
    post: async (token, query, variables = {}) => {
      const response = await fixture.post(
        { query, variables },
        token ? { authorization: `Bearer ${token}` } : {},
      );
      return response.json();
    },
    ws: (token) => wsClient(fixture.subgraph.url, token),
    token: (role, userId) => issuer.token(role, userId),
    em: () => fixture.subgraph.orm.em.fork() as EntityManager,
    publish: async (type, data) => {
      const event = createEvent(type, {
        actor: null,
        subject: (data as { userId?: string }).userId ?? 'test',
        data,
      });
      await fixture.bus.publish(event);
      return event;
    },
    stop: async () => {
      await fixture.stop();
      await issuer.close();
    },
  };
}
