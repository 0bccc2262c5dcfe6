import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer } from 'node:net';
import { routeMatcher } from './route-match';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => unknown;

/**
 * Routes keyed by `METHOD /path` (`GET /health`) or by path alone (any method). A key ending
 * in `/*` (`/media/*`, `GET /media/files/*`) serves every path under it; exact keys win over
 * it, and a longer prefix over a shorter one (see route-match.ts).
 */
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
 * How long a server keeps an idle keep-alive connection. Its callers (the gateway's pool,
 * load balancers) must give up on an idle connection sooner, so a request is never sent on a
 * connection the server is closing at that moment: that race resets the connection
 * (ECONNRESET), and a mutation cannot be retried. Node's default is 5 s.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** How long a request's body may take to arrive (Node's own default), unless its route streams. */
export const REQUEST_TIMEOUT_MS = 300_000;

const streamingRoutes = new WeakSet<RouteHandler>();

/**
 * Marks a route whose request body may take as long as it needs (an upload of a gigabyte on
 * a slow line): the server does not cut it off after REQUEST_TIMEOUT_MS. Such a route must
 * give up on a connection that stalls itself (an idle timeout).
 */
export function streamingRoute<T extends RouteHandler>(handler: T): T {
  streamingRoutes.add(handler);
  return handler;
}

/**
 * A plain node:http server dispatching on a route table (read at request time, so routes
 * added later are served); unknown paths get 404. `onRequest` runs first for every request
 * (response headers that apply to everything).
 */
export function createHttpServer(
  routes: Routes,
  onError: (error: unknown) => void,
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void,
  options: { requestTimeoutMs?: number } = {},
): Server {
  const handlerOf = routeMatcher(routes);
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server = createServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }, (req, res) => {
    onRequest?.(req, res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler = handlerOf(req.method, url.pathname);
    if (!handler) {
      sendJson(res, 404, { error: 'Not found' });
      return;
    }
    Promise.resolve()
      .then(() => {
        // Checked once the parser has read what has arrived: bodiless requests are complete by now.
        if (!req.complete && !streamingRoutes.has(handler)) cutOffAfter(requestTimeoutMs, req, res);
        return handler(req, res, url);
      })
      .catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
        else res.end();
      });
  });
  // Above keepAliveTimeout, as Node requires, or idle connections end at headersTimeout.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  // Node's own request timeout covers every route; it is applied per route instead, above.
  server.requestTimeout = 0;
  return server;
}

/** Answers 408 (or drops the connection) when the request's body has not all arrived in time. */
function cutOffAfter(ms: number, req: IncomingMessage, res: ServerResponse): void {
  const timer = setTimeout(() => {
    if (req.complete) return;
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    res.setHeader('connection', 'close');
    sendJson(res, 408, { error: 'Request timeout' });
  }, ms);
  // A request closes once its body has been read (or the connection is lost).
  req.once('close', () => clearTimeout(timer));
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
 * Stops accepting connections and lets in-flight requests finish. From then on every response
 * tells its client to close the connection (`Connection: close`), so a busy keep-alive client
 * leaves after its next request instead of racing the server closing that connection under it
 * (a request sent on a socket closed at that instant fails: "other side closed"). Connections
 * still idle after `idleDrainMs` (at most half the grace) are closed; after `graceMs` whatever
 * remains is cut.
 */
export function closeServer(server: Server, graceMs = 10_000, idleDrainMs = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) =>
      res.setHeader('connection', 'close'),
    );
    const idle = setTimeout(() => server.closeIdleConnections(), Math.min(idleDrainMs, graceMs / 2)).unref();
    const cut = setTimeout(() => server.closeAllConnections(), graceMs).unref();
    // net.Server's close, not http.Server's: that one closes idle connections at once.
    NetServer.prototype.close.call(server, (error?: Error) => {
      clearTimeout(idle);
      clearTimeout(cut);
      if (error) reject(error);
      else resolve();
    });
  });
}
