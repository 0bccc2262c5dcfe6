import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'graphql';
import { z } from 'zod';
import {
  ConfigError,
  conflict,
  createLogger,
  ErrorCode,
  notFound,
  parseEnv,
  SIGNATURE_HEADER,
  signRequest,
  UserError,
  validateInput,
} from '@lattice/server-kit';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import {
  createInternalClient,
  defineSubgraph,
  type InternalClient,
  internalServiceUrl,
  type RunningSubgraph,
  startSubgraph,
  subgraphConfigFromEnv,
} from '../src';

const SECRET = 'the-secret-every-lattice-service-shares';
const OTHER_SECRET = 'another-secret-of-the-very-same-length!';

/** Handler runs, to show that a refused request ran nothing. */
const ran = { count: 0 };
let slowMs = 0;

/** A subgraph with internal routes answering each kind of decision, and a resolver calling one. */
const owner = (calls?: () => InternalClient) =>
  defineSubgraph({
    name: 'owner',
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { ok: String!  viaOther: String }
    `),
    resolvers: {
      Query: {
        ok: () => 'ok',
        viaOther: async () => calls!().call('/internal/echo', { value: 'x' }),
      },
    },
    entities: [],
    migrationsPath: join(__dirname, 'no-migrations'),
    port: 0,
    loaders: () => ({}),
    internalRoutes: () => ({
      '/internal/echo': (input, request) => {
        ran.count += 1;
        return { input, caller: request.caller, requestId: request.requestId };
      },
      '/internal/nothing': () => undefined,
      '/internal/quota': () => {
        throw new UserError(ErrorCode.QuotaExceeded, 'Not enough credits: 5 requested, 2 available', {
          available: 2,
          requested: 5,
        });
      },
      '/internal/conflict': () => {
        throw conflict('reference: already holds 3 credits', 'reference');
      },
      '/internal/missing': () => {
        throw notFound('No such thing');
      },
      '/internal/validated': (input) => validateInput(z.object({ amount: z.number().int() }), input, 'input'),
      '/internal/broken': () => {
        throw new Error(`connect ECONNREFUSED 10.1.2.3:5432 password=${SECRET}`);
      },
      '/internal/slow': async () => {
        await new Promise((resolve) => setTimeout(resolve, slowMs));
        return 'late';
      },
      '/internal/sql': async (_input, { em }) => {
        const [row] = await em.execute<Array<{ one: number }>>('select 1 as one');
        return row!.one;
      },
    }),
  });

let database: TestDatabase;
let subgraph: RunningSubgraph;
let client: InternalClient;
const logLines: Array<Record<string, unknown>> = [];

async function start(
  env: Record<string, string>,
  calls?: () => InternalClient,
  logger = createLogger('test', 'silent'),
): Promise<RunningSubgraph> {
  return startSubgraph(
    owner(calls),
    subgraphConfigFromEnv(0, { DATABASE_URL: database.url, HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env }),
    { logger },
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  const capture = createLogger('test', 'info', {
    write: (line: string) => {
      logLines.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  subgraph = await start({ SUBGRAPH_SECRET: SECRET }, () => client, capture);
  client = createInternalClient({
    service: 'owner',
    baseUrl: origin(),
    secret: SECRET,
    caller: 'tests',
    timeoutMs: 1_000,
  });
});
afterAll(async () => {
  await subgraph?.close();
  await database?.drop();
});

const origin = () => new URL(subgraph.url).origin;

/** Sends a raw request (the path exactly as given: fetch would normalize it). */
function raw(
  method: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  const { hostname, port } = new URL(subgraph.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      hostname,
      port,
      method,
      path,
      headers: { 'content-type': 'application/json', ...headers },
    });
    req.on('response', async (res) => {
      let text = '';
      for await (const chunk of res) text += String(chunk);
      resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const signed = (path: string, body: string, secret = SECRET, now = Date.now(), method = 'POST') => ({
  [SIGNATURE_HEADER]: signRequest(secret, { method, target: path, body }, now),
});

const BODY = JSON.stringify({ value: 'x' });

describe('internal routes: only signed requests from Lattice services', () => {
  it('answers a request signed with the shared secret: { result }', async () => {
    const before = ran.count;
    const answer = await raw('POST', '/internal/echo', BODY, {
      ...signed('/internal/echo', BODY),
      'x-request-id': 'req-77',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-request-id']).toBe('req-77');
    expect(answer.body).toEqual({ result: { input: { value: 'x' }, requestId: 'req-77' } });
    expect(ran.count).toBe(before + 1);
  });

  it.each([
    ['no signature', () => ({})],
    ['a signature made with another secret', () => signed('/internal/echo', BODY, OTHER_SECRET)],
    ['a signature older than the window', () => signed('/internal/echo', BODY, SECRET, Date.now() - 60_000)],
    ['a signature of another body', () => signed('/internal/echo', JSON.stringify({ value: 'y' }))],
    ['a signature of another route', () => signed('/internal/nothing', BODY)],
    ["the gateway's signature of /graphql", () => signed('/graphql', BODY)],
    ['a malformed signature', () => ({ [SIGNATURE_HEADER]: 't=1,v1=abc' })],
  ])('refuses %s (401), running nothing', async (_case, headers) => {
    const before = ran.count;
    const answer = await raw('POST', '/internal/echo', BODY, headers());
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Lattice-Service-Signature');
    expect(answer.body).toEqual({
      error: {
        code: 'SERVICE_SIGNATURE_REFUSED',
        message: 'Only Lattice services may call internal routes',
        details: {},
      },
    });
    expect(ran.count).toBe(before);
  });

  it.each([
    '/internal/echo?x=1',
    '/internal/../internal/echo',
    '/internal/./echo',
    '/internal//echo',
    '/internal/Echo',
  ])('refuses the non-canonical target %s, even signed as it is', async (path) => {
    const before = ran.count;
    const answer = await raw('POST', path, BODY, signed(path, BODY));
    expect(answer.status).toBe(401);
    expect(ran.count).toBe(before);
  });

  it('does not let a signature of a dotted internal target pass for the gateway at /graphql', async () => {
    const body = JSON.stringify({ query: '{ ok }' });
    const path = '/internal/../graphql';
    const answer = await raw('POST', path, body, signed(path, body));
    expect(answer.status).toBe(401);
    expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('logs refusals with their reason, never the signature or the secret', async () => {
    logLines.length = 0;
    await raw('POST', '/internal/echo', BODY, signed('/internal/echo', BODY, OTHER_SECRET));
    const refusal = logLines.find(
      (line) => line.msg === 'refused an internal request not signed by a Lattice service',
    );
    expect(refusal).toMatchObject({ level: 40, reason: 'mismatch', path: '/internal/echo' });
    const text = JSON.stringify(logLines);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(OTHER_SECRET);
    expect(text).not.toMatch(/v1=[0-9a-f]{64}/);
  });

  it('refuses a body over 64 KiB (413), a method other than POST (405), an unknown route (404)', async () => {
    const big = JSON.stringify({ value: 'x'.repeat(70_000) });
    const tooLarge = await raw('POST', '/internal/echo', big, signed('/internal/echo', big));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limit: 65_536 } });

    const get = await raw(
      'GET',
      '/internal/echo',
      '',
      signed('/internal/echo', '', SECRET, Date.now(), 'GET'),
    );
    expect(get.status).toBe(405);

    const unknown = await raw('POST', '/internal/nope', BODY, signed('/internal/nope', BODY));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NO_INTERNAL_ROUTE');
  });

  it('refuses a body that is not JSON, or text PostgreSQL cannot store, as BAD_USER_INPUT', async () => {
    const notJson = await raw('POST', '/internal/echo', '{', signed('/internal/echo', '{'));
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('BAD_USER_INPUT');
    const nul = JSON.stringify({ reference: 'a\u0000b' });
    const unstorable = await raw('POST', '/internal/echo', nul, signed('/internal/echo', nul));
    expect(unstorable.status).toBe(400);
    expect(unstorable.body.error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reference' } });
  });

  it('refuses everything when the service has no SUBGRAPH_SECRET: never open', async () => {
    const open = await start({});
    try {
      const { port } = new URL(open.url);
      const response = await fetch(`http://127.0.0.1:${port}/internal/echo`, {
        method: 'POST',
        headers: signed('/internal/echo', BODY),
        body: BODY,
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as any).error.message).toBe(
        'Internal routes are closed: this service has no SUBGRAPH_SECRET',
      );
      const unconfigured = createInternalClient({
        service: 'owner',
        baseUrl: new URL(open.url).origin,
        secret: SECRET,
      });
      await expect(unconfigured.call('/internal/echo', {})).rejects.toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE', service: 'owner' },
      });
    } finally {
      await open.close();
    }
  });

  it('refuses to start a definition serving a plain route under /internal/', async () => {
    const stray = {
      ...owner(),
      routes: () => ({ 'POST /internal/open': () => undefined }),
    };
    await expect(
      startSubgraph(stray, subgraphConfigFromEnv(0, { DATABASE_URL: database.url, HOST: '127.0.0.1' }), {
        logger: createLogger('test', 'silent'),
      }),
    ).rejects.toThrow('route "POST /internal/open" is under /internal/: declare it in internalRoutes');
  });

  it('counts internal requests by route and outcome', async () => {
    const metrics = await (await fetch(new URL('/metrics', subgraph.url))).text();
    expect(metrics).toMatch(
      /internal_requests_total\{route="\/internal\/echo",outcome="success",service="owner"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /internal_requests_total\{route="refused",outcome="refused",service="owner"\} [1-9]/,
    );
  });
});

describe('the internal client', () => {
  it('signs, sends JSON and resolves with the result; the handler gets an EntityManager', async () => {
    expect(await client.call('/internal/echo', { value: 'x' }, { requestId: 'req-1' })).toEqual({
      input: { value: 'x' },
      caller: 'tests',
      requestId: 'req-1',
    });
    expect(await client.call('/internal/nothing', null)).toBeNull();
    expect(await client.call('/internal/sql', {})).toBe(1);
  });

  it("rethrows the owner's decision with its code, message and details", async () => {
    const quota = await client.call('/internal/quota', {}).catch((error: unknown) => error);
    expect(quota).toBeInstanceOf(UserError);
    expect(quota).toMatchObject({
      message: 'Not enough credits: 5 requested, 2 available',
      extensions: { code: 'QUOTA_EXCEEDED', available: 2, requested: 5 },
    });
    await expect(client.call('/internal/conflict', {})).rejects.toMatchObject({
      message: 'reference: already holds 3 credits',
      extensions: { code: 'CONFLICT', field: 'reference' },
    });
    await expect(client.call('/internal/missing', {})).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(client.call('/internal/validated', { amount: 'many' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.amount' },
    });
  });

  it('answers SERVICE_UNAVAILABLE naming the service, never its URL or the secret, when the owner fails', async () => {
    for (const path of ['/internal/broken', '/internal/nope'] as const) {
      const error = (await client.call(path, {}).catch((thrown: unknown) => thrown)) as UserError;
      expect(error).toBeInstanceOf(UserError);
      expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', service: 'owner' });
      expect(error.message).toBe('The owner service is unavailable; try again shortly');
    }
    const forged = createInternalClient({ service: 'owner', baseUrl: origin(), secret: OTHER_SECRET });
    await expect(forged.call('/internal/echo', {})).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('answers SERVICE_UNAVAILABLE when the owner is down, too slow, or not configured', async () => {
    const closed = await freePort();
    const down = createInternalClient({
      service: 'billing',
      baseUrl: `http://127.0.0.1:${closed}`,
      secret: SECRET,
    });
    const error = (await down.call('/internal/echo', {}).catch((thrown: unknown) => thrown)) as UserError;
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', service: 'billing' });
    expect(error.message).not.toContain(String(closed));
    expect(error.message).not.toContain(SECRET);

    slowMs = 500;
    const started = Date.now();
    await expect(client.call('/internal/slow', {}, { timeoutMs: 100 })).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'owner' },
    });
    expect(Date.now() - started).toBeLessThan(450);

    for (const unconfigured of [
      createInternalClient({ service: 'billing', baseUrl: undefined, secret: SECRET }),
      createInternalClient({ service: 'billing', baseUrl: origin(), secret: undefined }),
    ]) {
      expect(unconfigured.configured).toBe(false);
      await expect(unconfigured.call('/internal/echo', {})).rejects.toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE', service: 'billing' },
      });
    }
  });

  it('never sends a path that is not an internal route in its canonical spelling', async () => {
    const before = ran.count;
    for (const path of ['/internal/../graphql', '/internal/echo?x=1', '/graphql']) {
      await expect(client.call(path as '/internal/x', {})).rejects.toThrow('not an internal route path');
    }
    expect(ran.count).toBe(before);
  });

  it('SERVICE_UNAVAILABLE reaches GraphQL clients (a public code of the catalogue)', async () => {
    const previous = client;
    client = createInternalClient({ service: 'billing', baseUrl: undefined, secret: SECRET });
    try {
      const body = JSON.stringify({ query: '{ viaOther }' });
      const answer = await raw('POST', '/graphql', body, signed('/graphql', body));
      expect(answer.body.errors).toEqual([
        {
          message: 'The billing service is unavailable; try again shortly',
          locations: [{ line: 1, column: 3 }],
          path: ['viaOther'],
          extensions: { code: 'SERVICE_UNAVAILABLE', service: 'billing' },
        },
      ]);
    } finally {
      client = previous;
    }
  });
});

describe('internalServiceUrl', () => {
  const settings = z.object({ ...internalServiceUrl('billing') });

  it('reads <NAME>_URL, optional, blank as unset', () => {
    expect(parseEnv(settings, { BILLING_URL: 'http://billing:4004' }).BILLING_URL).toBe(
      'http://billing:4004',
    );
    expect(parseEnv(settings, {}).BILLING_URL).toBeUndefined();
    expect(parseEnv(settings, { BILLING_URL: '' }).BILLING_URL).toBeUndefined();
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => parseEnv(settings, { BILLING_URL: 'billing:4004' })).toThrow(ConfigError);
  });
});

/** A port nothing listens on (bound, then released). */
async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
