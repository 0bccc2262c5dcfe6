import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { closeServer, createHttpServer, listen, type RouteHandler, sendJson } from './http';

/** Where a process serves `/metrics`, and what a scraper must present. */
export interface MetricsAccess {
  /** A port of its own for `/metrics` (then it is not served on the public port). */
  port?: number;
  /** When set, `/metrics` answers only `Authorization: Bearer <token>`. */
  token?: string;
  /** Whether `/metrics` is served on the public port. */
  public: boolean;
}

// Digests have one length whatever was sent, so the comparison takes constant time.
const digest = (value: string) => createHash('sha256').update(value).digest();

function presents(req: IncomingMessage, expected: Buffer): boolean {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length)), expected);
}

/** The `/metrics` route, refusing scrapers without the token when one is configured. */
export function guardedMetricsRoute(route: RouteHandler, token: string | undefined): RouteHandler {
  if (!token) return route;
  const expected = digest(token);
  return (req, res, url) => {
    if (presents(req, expected)) return route(req, res, url);
    res.setHeader('www-authenticate', 'Bearer realm="metrics"');
    sendJson(res, 401, { error: 'A bearer token is required' });
  };
}

/** `/metrics` alone on a port of its own (e.g. reachable by Prometheus only). */
export async function serveMetrics(
  route: RouteHandler,
  options: { port: number; host: string; onError: (error: unknown) => void },
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createHttpServer({ 'GET /metrics': route }, options.onError);
  const port = await listen(server, options.port, options.host);
  return { port, close: () => closeServer(server) };
}
