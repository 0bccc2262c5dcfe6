import http from 'node:http';
import qs from 'qs';
import Stripe from 'stripe';
import type { Sim } from '../context';
import { invalidRequest, StripeApiError, unrecognizedUrl } from '../core/errors';
import { newId } from '../core/ids';
import { toWire } from '../core/wire';
import { authenticationFailure } from './auth';
import { expandResponse } from './expand';
import { IdempotencyKeys, type SavedResponse } from './idempotency';
import { Params } from './params';
import { matchRoute, type Route } from './routes';

const MAX_BODY_BYTES = 1 << 20;

/** A plain HTTP answer (control endpoints, hosted invoice pages). */
export interface PlainResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

export interface ApiServerOptions {
  sim: Sim;
  routes: readonly Route[];
  idempotency: IdempotencyKeys;
  /** `/_simulator/…`: the controls, JSON in and out, no API key. */
  control: (method: string, path: string, body: string) => Promise<PlainResponse>;
  /** `GET /invoices/…`: hosted invoice pages, no API key. */
  invoicePage: (path: string) => PlainResponse;
  log: (message: string) => void;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw invalidRequest('The request body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseForm(text: string): Record<string, unknown> {
  return qs.parse(text, { arrayLimit: 1000, parameterLimit: 10_000, depth: 10 }) as Record<string, unknown>;
}

/** JSON with sorted keys: the same parameters give the same fingerprint whatever their order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function errorResponse(error: StripeApiError, requestId: string): SavedResponse {
  const body = { ...error.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` };
  return { status: error.status, body: JSON.stringify({ error: body }, null, 2), requestId };
}

/**
 * The simulator's HTTP server: Stripe's `/v1` API (test API key, form-encoded parameters,
 * idempotency keys, `expand[]`, Stripe's error bodies and headers), the `/_simulator` controls
 * and the hosted invoice pages.
 */
export function createApiServer(options: ApiServerOptions): {
  server: http.Server;
  requestCount(kind: string): number;
} {
  const { sim, routes, idempotency, log } = options;
  const counts = new Map<string, number>();

  function runApiCall(
    route: Route,
    path: Record<string, string>,
    raw: Record<string, unknown>,
    idempotencyKey?: string,
  ) {
    const requestId = newId('req');
    try {
      const params = new Params(raw);
      const result = route.handler(
        { sim, request: { id: requestId, idempotency_key: idempotencyKey ?? null } },
        { params, path },
      );
      const body = expandResponse(toWire(result), params.expand(), (id) => sim.store.findAny(id));
      return { status: 200, body: JSON.stringify(body, null, 2), requestId };
    } catch (error) {
      if (error instanceof StripeApiError) return errorResponse(error, requestId);
      log(
        `internal error in ${route.method} ${route.pattern}: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return errorResponse(
        new StripeApiError(500, {
          type: 'api_error',
          message: 'An unexpected error occurred in the Stripe simulator.',
        }),
        requestId,
      );
    }
  }

  async function handleApi(
    request: http.IncomingMessage,
    method: string,
    url: URL,
  ): Promise<{ response: SavedResponse; headers: Record<string, string> }> {
    const refusal = authenticationFailure(request.headers.authorization);
    if (refusal) return { response: errorResponse(refusal, newId('req')), headers: {} };
    const body = await readBody(request);
    const match = matchRoute(routes, method, url.pathname);
    if (!match) {
      return { response: errorResponse(unrecognizedUrl(method, url.pathname), newId('req')), headers: {} };
    }
    const kind = `${method} ${match.route.pattern}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const raw = method === 'POST' ? parseForm(body) : parseForm(url.search.slice(1));
    const key = method === 'POST' ? request.headers['idempotency-key'] : undefined;
    if (typeof key !== 'string' || key === '') {
      return { response: runApiCall(match.route, match.path, raw), headers: {} };
    }
    const fingerprint = `${method} ${url.pathname} ${canonical(raw)}`;
    try {
      const { response, replayed } = await idempotency.run(key, fingerprint, () =>
        runApiCall(match.route, match.path, raw, key),
      );
      const headers: Record<string, string> = { 'Idempotency-Key': key };
      if (replayed) {
        Object.assign(headers, { 'Idempotent-Replayed': 'true', 'Original-Request': response.requestId });
      }
      return { response, headers };
    } catch (error) {
      if (error instanceof StripeApiError) {
        return { response: errorResponse(error, newId('req')), headers: { 'Idempotency-Key': key } };
      }
      throw error;
    }
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://simulator');
    if (url.pathname.startsWith('/_simulator/')) {
      const answer = await options.control(method, url.pathname, await readBody(request));
      response.writeHead(answer.status, { 'Content-Type': answer.contentType }).end(answer.body);
      return;
    }
    if (method === 'GET' && url.pathname.startsWith('/invoices/')) {
      const answer = options.invoicePage(url.pathname);
      response.writeHead(answer.status, { 'Content-Type': answer.contentType }).end(answer.body);
      return;
    }
    const started = Date.now();
    const { response: answer, headers } = await handleApi(request, method, url);
    response.writeHead(answer.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(answer.body),
      'Cache-Control': 'no-cache, no-store',
      'Request-Id': answer.requestId,
      'Stripe-Version': (request.headers['stripe-version'] as string | undefined) ?? Stripe.API_VERSION,
      ...headers,
    });
    response.end(answer.body);
    log(
      `${method} ${url.pathname} ${answer.status}${headers['Idempotent-Replayed'] ? ' (replayed)' : ''} ${Date.now() - started} ms`,
    );
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      const failure =
        error instanceof StripeApiError
          ? error
          : new StripeApiError(500, { type: 'api_error', message: 'Internal error' });
      if (!response.headersSent) response.writeHead(failure.status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: failure.body }));
    });
  });
  return { server, requestCount: (kind) => counts.get(kind) ?? 0 };
}
