import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => unknown;

/** Routes keyed by `METHOD /path` (`GET /health`) or by path alone (any method). */
export type Routes = Record<string, RouteHandler>;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  });
  res.end(payload);
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
  }
}

/** Reads a request body, refusing more than `limit` bytes without buffering the excess. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A plain node:http server dispatching on a route table (read at request time, so routes
 * added later are served); unknown paths get 404. `onRequest` runs first for every request
 * (response headers that apply to everything).
 */
/**
 * How long a server keeps an idle keep-alive connection. Its callers (the gateway's pool,
 * load balancers) must give up on an idle connection sooner, so a request is never sent on a
 * connection the server is closing at that moment: that race resets the connection
 * (ECONNRESET), and a mutation cannot be retried. Node's default is 5 s.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function createHttpServer(
  routes: Routes,
  onError: (error: unknown) => void,
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  const server = createServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }, (req, res) => {
    onRequest?.(req, res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler = routes[`${req.method} ${url.pathname}`] ?? routes[url.pathname];
    if (!handler) {
      sendJson(res, 404, { error: 'Not found' });
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res, url))
      .catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
        else res.end();
      });
  });
  // Above keepAliveTimeout, as Node requires, or idle connections end at headersTimeout.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  return server;
}

/** Listens and resolves with the bound port (useful with port 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Stops accepting connections and lets in-flight requests finish (idle keep-alive sockets
 * are closed at once); after `graceMs` the remaining connections are cut.
 */
export function closeServer(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    const cut = setTimeout(() => server.closeAllConnections(), graceMs).unref();
    server.close((error) => {
      clearTimeout(cut);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
