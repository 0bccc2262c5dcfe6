import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@lattice/server-kit';
import {
  startTestSubgraph,
  startTokenIssuer,
  type TestSubgraph,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import type { BookingsRuntime } from '../../src/runtime';
import { runJanitor } from '../../src/service/janitor';
import { bookings } from '../../src/subgraph';

export interface BookingsFixture {
  fixture: TestSubgraph;
  runtime: BookingsRuntime;
  /** A GraphQL request as the gateway sends it (signed), as the holder of `token` (anonymous: null). */
  post(token: string | null, query: string, variables?: Record<string, unknown>): Promise<any>;
  /** `post` that fails the test on any error, answering `data`. */
  ok(token: string | null, query: string, variables?: Record<string, unknown>): Promise<any>;
  token(role: Role, userId?: string): Promise<string>;
  /** A new user: their id and token. */
  user(role?: Role): Promise<{ id: string; token: string }>;
  em(): EntityManager;
  /** Moves the runtime's clock by `ms` from real time (0 puts it back). */
  setClockOffset(ms: number): void;
  /** One janitor pass (its timer is left idle in tests). */
  sweep(): Promise<void>;
  /** Payloads of `bookings.outbox_event` rows of `type`, oldest first. */
  outbox(type: string): Promise<Array<Record<string, any>>>;
  stop(): Promise<void>;
}

/**
 * bookings on a free port over a fresh database, serving the gateway alone, with tokens of a
 * test issuer and its janitor idle. Without BILLING_URL, paid bookings answer
 * SERVICE_UNAVAILABLE: tests of credits run through the gateway (e2e), with billing.
 */
export async function startBookings(env: Record<string, string> = {}): Promise<BookingsFixture> {
  const issuer: TokenIssuer = await startTokenIssuer();
  let runtime: BookingsRuntime | undefined;
  let fixture: TestSubgraph;
  try {
    fixture = await startTestSubgraph(
      { ...bookings, init: async (deps) => (runtime = await bookings.init!(deps)) },
      {
        JWKS_URL: issuer.jwksUrl,
        SUBGRAPH_SECRET: randomBytes(32).toString('hex'),
        BOOKINGS_JANITOR_INTERVAL_SECONDS: '3600',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        ...env,
      },
    );
  } catch (error) {
    await issuer.close();
    throw error;
  }
  const started = runtime!;
  const post: BookingsFixture['post'] = async (token, query, variables = {}) => {
    const response = await fixture.post(
      { query, variables },
      token ? { authorization: `Bearer ${token}` } : {},
    );
    return response.json();
  };
  return {
    fixture,
    runtime: started,
    post,
    ok: async (token, query, variables) => {
      const { data, errors } = await post(token, query, variables);
      if (errors) throw new Error(JSON.stringify(errors));
      return data;
    },
    token: (role, userId) => issuer.token(role, userId),
    user: async (role = 'user') => {
      const id = randomUUID();
      return { id, token: await issuer.token(role, id) };
    },
    em: () => fixture.subgraph.orm.em.fork() as EntityManager,
    setClockOffset: (ms) => {
      started.now = () => new Date(Date.now() + ms);
    },
    sweep: () => runJanitor(started),
    outbox: async (type) => {
      const rows = await fixture.subgraph.orm.em
        .fork()
        .getConnection()
        .execute<Array<{ data: Record<string, any> }>>(
          'select data from bookings.outbox_event where type = ? order by occurred_at, id',
          [type],
        );
      return rows.map((row) => row.data);
    },
    stop: async () => {
      await fixture.stop();
      await issuer.close();
    },
  };
}

export const CREATE_GYM = `mutation($input: CreateGymInput!) { createGym(input: $input) { id name timeZone } }`;
export const CREATE_SESSIONS = `mutation($input: CreateSessionsInput!) {
  createSessions(input: $input) { id startsAt localStartsAt capacity seatsLeft }
}`;
export const BOOK = `mutation($id: ID!, $wait: Boolean) {
  bookSession(sessionId: $id, joinWaitlist: $wait) { id status waitlistPosition offerExpiresAt credits creditsOutcome }
}`;
export const CANCEL = `mutation($id: ID!) { cancelBooking(id: $id) { id status creditsOutcome } }`;

/** A local date-time `days` from now (at `time`), for sessions in the future. */
export function localInDays(days: number, time = '10:00'): string {
  const date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return `${date}T${time}`;
}
