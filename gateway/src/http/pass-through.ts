import {
  type Agent,
  type IncomingMessage,
  request as httpRequest,
  type RequestOptions,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream';
import { urlToHttpOptions } from 'node:url';
import {
  type Logger,
  REQUEST_ID_HEADER,
  requestIdOf,
  type Routes,
  sendJson,
  streamingRoute,
} from '@lattice/server-kit';
import type { GatewayMetrics } from '../metrics';
import { clientIpOf, clientOriginOf, type Ingress } from './ingress';
import { clientResponseHeaders, upstreamRequestHeaders } from './pass-through-headers';
import { corsPreflight, exposeHeaders, FILE_ROUTES_CORS, type HttpPolicy, isCorsPreflight } from './policy';

/** No byte either way for this long, and both sides of a pass-through are given up. */
export const PASS_THROUGH_IDLE_TIMEOUT_MS = 60_000;

export interface PassThroughOptions {
  /** Path prefix (`/media/`) → subgraph (SUBGRAPH_PATHS). */
  paths: Record<string, string>;
  /** A subgraph's GraphQL URL (from the supergraph or SUBGRAPH_URLS): its origin serves the paths. */
  subgraphUrl: (name: string) => string | undefined;
  /** The keep-alive pools the gateway's GraphQL fetches use (upstream/http-pool.ts). */
  agentFor: (url: URL) => Agent;
  ingress: Ingress;
  policy: HttpPolicy;
  metrics: Pick<GatewayMetrics, 'passThroughRequests' | 'passThroughBytes'>;
  log: Logger;
  idleTimeoutMs?: number;
}

/**
 * Every method on paths under a prefix of SUBGRAPH_PATHS, on the gateway's own host and port,
 * streamed to the subgraph that serves them (media's uploads, tus, Range downloads, share
 * links) with the same path and query. Bodies stream both ways with backpressure and are never
 * buffered: a gigabyte passes in flat memory, however slowly (no overall timeout; the server's
 * request deadline spares these routes), but a minute without a byte either way ends both sides.
 *
 * These requests are not signed with SUBGRAPH_SECRET: a signature covers the body, and a
 * streamed body cannot be read before it is sent. The subgraph's routes authorize themselves
 * (signed URLs), and must not trust these requests as the gateway's: the gateway checks no
 * token here (nor its revocations), only CORS, and states the client's address and origin.
 */
export function passThroughRoutes(options: PassThroughOptions): Routes {
  const routes: Routes = {};
  const preflight = corsPreflight(options.policy, FILE_ROUTES_CORS);
  const upstreams = new UpstreamOrigins();
  for (const [prefix, subgraph] of Object.entries(options.paths)) {
    routes[`${prefix}*`] = streamingRoute((req: IncomingMessage, res: ServerResponse, url: URL) => {
      if (isCorsPreflight(req)) return preflight(req, res, url);
      const graphqlUrl = options.subgraphUrl(subgraph);
      if (!graphqlUrl) return sendJson(res, 404, { error: `No ${subgraph} subgraph serves ${prefix}` });
      relay(req, res, url.pathname + url.search, upstreams.of(graphqlUrl), subgraph, options);
    });
  }
  return routes;
}

type Outcome = 'unavailable' | 'timeout' | 'aborted';

class IdleTimeoutError extends Error {
  constructor(ms: number) {
    super(`No byte either way for ${ms} ms`);
    this.name = 'IdleTimeoutError';
  }
}

function relay(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  target: UpstreamOrigin,
  subgraph: string,
  options: PassThroughOptions,
): void {
  const { ingress, log, metrics } = options;
  const idleMs = options.idleTimeoutMs ?? PASS_THROUGH_IDLE_TIMEOUT_MS;
  const requestId = requestIdOf(req);
  res.setHeader(REQUEST_ID_HEADER, requestId); // the subgraph's own echo wins
  exposeHeaders(req, res, options.policy, FILE_ROUTES_CORS);

  const upstream = (target.secure ? httpsRequest : httpRequest)({
    ...target.options,
    method: req.method,
    path,
    headers: upstreamRequestHeaders(req.headers, {
      requestId,
      clientIp: clientIpOf(req, ingress),
      origin: clientOriginOf(req, ingress),
    }),
    agent: options.agentFor(target.url),
  });
  let outcome: Outcome | undefined;
  let answer: IncomingMessage | undefined;
  let uploaded = 0;
  let downloaded = 0;
  const idle = setTimeout(() => upstream.destroy(new IdleTimeoutError(idleMs)), idleMs);

  upstream.on('response', (response) => {
    answer = response;
    const headers = clientResponseHeaders(response.headers);
    // The subgraph answered before the client's body was all read: the rest is not read.
    if (!req.complete) headers.connection = 'close';
    res.writeHead(response.statusCode ?? 502, headers);
    pipeline(response, res, () => {});
    response.on('data', (chunk: Buffer) => {
      downloaded += chunk.length;
      idle.refresh();
    });
  });
  upstream.on('error', (error) => {
    if (outcome === 'aborted') return; // the client left first, and the upstream was cut for it
    if (answer) {
      // Midway through the answer: all the client can be told is that it is cut short.
      if (!answer.complete) {
        outcome = error instanceof IdleTimeoutError ? 'timeout' : 'aborted';
        res.destroy();
      }
      return;
    }
    outcome = error instanceof IdleTimeoutError ? 'timeout' : 'unavailable';
    log.warn({ err: error, subgraph, requestId }, 'subgraph pass-through failed');
    if (!req.complete) res.setHeader('connection', 'close');
    sendJson(res, outcome === 'timeout' ? 504 : 502, {
      error: outcome === 'timeout' ? `${subgraph} did not answer in time` : `${subgraph} is unavailable`,
    });
  });
  res.on('close', () => {
    clearTimeout(idle);
    if (!res.writableFinished) outcome ??= 'aborted';
    // The client left, or its body was not all sent: the subgraph is told by a closed connection.
    if (!res.writableFinished || !upstream.writableFinished) upstream.destroy();
    metrics.passThroughRequests.inc({
      subgraph,
      outcome: outcome ?? `${Math.floor(res.statusCode / 100)}xx`,
    });
    metrics.passThroughBytes.inc({ subgraph, direction: 'upload' }, uploaded);
    metrics.passThroughBytes.inc({ subgraph, direction: 'download' }, downloaded);
  });

  req.pipe(upstream);
  // After pipe(): one more 'data' listener does not change how the body flows.
  req.on('data', (chunk: Buffer) => {
    uploaded += chunk.length;
    idle.refresh();
  });
}

interface UpstreamOrigin {
  url: URL;
  secure: boolean;
  /** Protocol, host and port, worked out once. */
  options: Pick<RequestOptions, 'protocol' | 'hostname' | 'port'>;
}

/** Where each subgraph URL's origin is (its URL may change when the supergraph does). */
class UpstreamOrigins {
  private readonly known = new Map<string, UpstreamOrigin>();

  of(graphqlUrl: string): UpstreamOrigin {
    let origin = this.known.get(graphqlUrl);
    if (!origin) {
      const url = new URL(graphqlUrl);
      const { protocol, hostname, port } = urlToHttpOptions(url);
      origin = { url, secure: url.protocol === 'https:', options: { protocol, hostname, port } };
      this.known.set(graphqlUrl, origin);
    }
    return origin;
  }
}
