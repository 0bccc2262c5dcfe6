import { request } from 'node:http';
import type { Server } from 'node:http';
import {
  closeServer,
  createHttpServer,
  listen,
  type RouteHandler,
  type Routes,
  sendJson,
  streamingRoute,
} from '../src';

/** A route that answers with its own name, so a test can tell which route served. */
const named =
  (name: string): RouteHandler =>
  (_req, res) =>
    sendJson(res, 200, { route: name });

let server: Server | undefined;

async function serve(routes: Routes, options?: { requestTimeoutMs?: number }): Promise<string> {
  server = createHttpServer(routes, () => {}, undefined, options);
  const port = await listen(server, 0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

afterEach(async () => {
  if (server) await closeServer(server, 100);
  server = undefined;
});

async function routeOf(base: string, method: string, path: string): Promise<string | number> {
  const response = await fetch(base + path, { method });
  if (response.status !== 200) return response.status;
  return ((await response.json()) as { route: string }).route;
}

describe('prefix routes', () => {
  const routes: Routes = {
    'GET /media/health': named('exact with method'),
    '/media/status': named('exact'),
    '/media/*': named('media'),
    'GET /media/files/*': named('GET files'),
    '/media/files/*': named('files'),
    'PUT /media/files/big/*': named('PUT big files'),
  };

  it('serves every path under the prefix, and nothing beside it', async () => {
    const base = await serve(routes);
    expect(await routeOf(base, 'POST', '/media/uploads/abc')).toBe('media');
    expect(await routeOf(base, 'DELETE', '/media/')).toBe('media');
    expect(await routeOf(base, 'GET', '/media')).toBe(404);
    expect(await routeOf(base, 'GET', '/mediatheque/x')).toBe(404);
    expect(await routeOf(base, 'GET', '/other/media/x')).toBe(404);
  });

  it('lets exact keys win, then the longest prefix, then the method-specific key', async () => {
    const base = await serve(routes);
    expect(await routeOf(base, 'GET', '/media/health')).toBe('exact with method');
    expect(await routeOf(base, 'POST', '/media/health')).toBe('media');
    expect(await routeOf(base, 'PATCH', '/media/status')).toBe('exact');
    expect(await routeOf(base, 'GET', '/media/files/a/b?x=1')).toBe('GET files');
    expect(await routeOf(base, 'PATCH', '/media/files/a')).toBe('files');
    expect(await routeOf(base, 'PUT', '/media/files/big/a')).toBe('PUT big files');
    expect(await routeOf(base, 'GET', '/media/files/big/a')).toBe('GET files');
  });

  it('matches the path the URL parser normalised, not the raw one', async () => {
    const base = await serve({ '/media/*': named('media'), '/graphql': named('graphql') });
    const status = await new Promise<number>((resolve, reject) => {
      const sent = request(`${base}/media/../graphql`, { method: 'GET' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      sent.on('error', reject);
      sent.end();
    });
    expect(status).toBe(200);
    expect(await routeOf(base, 'GET', '/media/%2e%2e/graphql')).toBe('graphql');
  });

  it('serves prefix routes added after the server started, and drops removed ones', async () => {
    const table: Routes = { '/health': named('health') };
    const base = await serve(table);
    expect(await routeOf(base, 'GET', '/media/a')).toBe(404);
    table['/media/*'] = named('media');
    expect(await routeOf(base, 'GET', '/media/a')).toBe('media');
    table['/media/a/*'] = named('a');
    expect(await routeOf(base, 'GET', '/media/a/b')).toBe('a');
    delete table['/media/a/*'];
    expect(await routeOf(base, 'GET', '/media/a/b')).toBe('media');
  });
});

/** Sends headers and the first bytes of a body, then nothing more; resolves with the answer. */
function stallingUpload(base: string, path: string): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const sent = request(`${base}${path}`, { method: 'PUT', headers: { 'content-length': '1000' } });
    sent.on('response', (response) => {
      response.resume();
      resolve({ status: response.statusCode });
    });
    sent.on('error', (error) => resolve({ error: error.message }));
    sent.write('x'.repeat(10));
  });
}

describe('the request deadline', () => {
  it('answers 408 when a body takes longer than the deadline to arrive', async () => {
    const base = await serve(
      {
        '/slow': async (req, res) => {
          for await (const _chunk of req);
          sendJson(res, 200, {});
        },
      },
      { requestTimeoutMs: 200 },
    );
    expect(await stallingUpload(base, '/slow')).toEqual({ status: 408 });
  });

  it('spares streaming routes, which watch for stalls themselves', async () => {
    let received = 0;
    const base = await serve(
      {
        '/upload/*': streamingRoute(async (req, res) => {
          req.on('data', (chunk: Buffer) => (received += chunk.length));
          // The route's own idle timeout, longer than the server's deadline.
          setTimeout(() => sendJson(res, 200, { received }), 600);
        }),
      },
      { requestTimeoutMs: 200 },
    );
    expect(await stallingUpload(base, '/upload/a')).toEqual({ status: 200 });
    expect(received).toBe(10);
  });

  it('leaves a request whose body has arrived alone', async () => {
    const base = await serve(
      {
        '/slow-answer': async (req, res) => {
          for await (const _chunk of req);
          setTimeout(() => sendJson(res, 200, { ok: true }), 400);
        },
      },
      { requestTimeoutMs: 200 },
    );
    const response = await fetch(`${base}/slow-answer`, { method: 'POST', body: 'x'.repeat(100_000) });
    expect(response.status).toBe(200);
  });
});
