import { createInProcessBus, type EventBus } from '@lattice/events';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { parse } from 'graphql';
import { join } from 'node:path';
import { defineSubgraph, type RunningSubgraph, startSubgraph, subgraphConfigFromEnv } from '../src';

const probe = defineSubgraph({
  name: 'probe',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { ok: String!  broken: String  requestId: String! }
  `),
  resolvers: {
    Query: {
      ok: () => 'ok',
      broken: () => {
        throw new Error('connect ECONNREFUSED 10.1.2.3:5432 (password=hunter2)');
      },
      requestId: (_parent: unknown, _args: unknown, ctx: { requestId: string }) => ctx.requestId,
    },
  },
  entities: [],
  migrationsPath: join(__dirname, 'no-migrations'),
  loaders: () => ({}),
});

let database: TestDatabase;
let bus: EventBus;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  database = await createTestDatabase();
  bus = createInProcessBus();
  subgraph = await startSubgraph(
    probe,
    subgraphConfigFromEnv(0, { DATABASE_URL: database.url, HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
    { bus },
  );
});
afterAll(async () => {
  await subgraph?.close();
  await bus?.close();
  await database?.drop();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('a subgraph started by the kit', () => {
  it('answers /health and /health/ready with its database and bus checked', async () => {
    const live = await fetch(new URL('/health', subgraph.url));
    expect(await live.json()).toEqual({ status: 'healthy', service: 'probe' });
    const ready = await fetch(new URL('/health/ready', subgraph.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'healthy',
      service: 'probe',
      checks: { database: 'healthy', eventBus: 'healthy' },
    });
  });

  it('keeps the caller request id and echoes it', async () => {
    const response = await post({ query: '{ requestId }' }, { 'x-request-id': 'req-123' });
    expect(response.headers.get('x-request-id')).toBe('req-123');
    expect((await response.json()).data.requestId).toBe('req-123');
  });

  it('makes a new request id when the given one is not a sane token', async () => {
    const response = await post({ query: '{ requestId }' }, { 'x-request-id': 'bad id\twith spaces' });
    const { data } = await response.json();
    expect(data.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks an internal error: no message, no stack, the request id to find it in the logs', async () => {
    const response = await post({ query: '{ ok broken }' }, { 'x-request-id': 'req-broken' });
    const body = await response.json();
    expect(body.data).toEqual({ ok: 'ok', broken: null });
    expect(body.errors).toEqual([
      {
        message: 'Internal server error (request id req-broken)',
        locations: [{ line: 1, column: 6 }],
        path: ['broken'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-broken' },
      },
    ]);
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });

  it('refuses a token when no key set is configured', async () => {
    const response = await post({ query: '{ ok }' }, { authorization: 'Bearer a.b.c' });
    expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('reports readiness failure when the database is gone', async () => {
    const other = await startSubgraph(
      probe,
      subgraphConfigFromEnv(0, { DATABASE_URL: database.url, HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
      { bus },
    );
    await other.orm.close(true);
    const ready = await fetch(new URL('/health/ready', other.url));
    expect(ready.status).toBe(503);
    expect((await ready.json()).checks.database).toBe('unhealthy');
    await other.close();
  });
});
