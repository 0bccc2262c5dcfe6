import { join } from 'node:path';
import { parse } from 'graphql';
import { defineSubgraph, type RunningSubgraph } from '../src';
import { startTestSubgraph, type TestSubgraph } from '../src/testing';

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
  port: 0,
  loaders: () => ({}),
});

let fixture: TestSubgraph;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  fixture = await startTestSubgraph(probe);
  subgraph = fixture.subgraph;
});
afterAll(() => fixture?.stop());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('a subgraph started by the kit', () => {
  it('answers /health and /health/ready with its database and bus checked', async () => {
    const live = await fetch(new URL('/health', subgraph.url));
    expect((await live.json()) as any).toEqual({ status: 'healthy', service: 'probe' });
    const ready = await fetch(new URL('/health/ready', subgraph.url));
    expect(ready.status).toBe(200);
    expect((await ready.json()) as any).toEqual({
      status: 'healthy',
      service: 'probe',
      checks: { database: 'healthy', eventBus: 'healthy' },
    });
  });

  it('keeps the caller request id and echoes it', async () => {
    const response = await post({ query: '{ requestId }' }, { 'x-request-id': 'req-123' });
    expect(response.headers.get('x-request-id')).toBe('req-123');
    expect(((await response.json()) as any).data.requestId).toBe('req-123');
  });

  it('makes a new request id when the given one is not a sane token', async () => {
    const response = await post({ query: '{ requestId }' }, { 'x-request-id': 'bad id\twith spaces' });
    const { data } = (await response.json()) as any;
    expect(data.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks an internal error: no message, no stack, the request id to find it in the logs', async () => {
    const response = await post({ query: '{ ok broken }' }, { 'x-request-id': 'req-broken' });
    const body = (await response.json()) as any;
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
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('reports readiness failure when the database is gone', async () => {
    const other = await startTestSubgraph(probe, {}, fixture.database);
    await other.subgraph.orm.close(true);
    const ready = await fetch(new URL('/health/ready', other.subgraph.url));
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as any).checks.database).toBe('unhealthy');
    await other.stop();
  });
});
