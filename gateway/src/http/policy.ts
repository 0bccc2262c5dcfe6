import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '@lattice/server-kit';

export interface HttpPolicy {
  /** Origins allowed to call the API from a browser (exact match); empty: same origin only. */
  corsOrigins: string[];
}

/** What a browser on an allowed origin may send to a family of routes, and read of their answers. */
export interface CorsRules {
  methods: string;
  requestHeaders: string;
  exposedHeaders: string;
}

export const GRAPHQL_CORS: CorsRules = {
  methods: 'GET, POST, OPTIONS',
  requestHeaders: 'content-type, authorization, x-request-id, apollo-require-preflight',
  exposedHeaders: 'x-request-id, retry-after, ratelimit-limit, ratelimit-remaining',
};

/**
 * The file routes subgraphs serve through the gateway (http/pass-through.ts): plain and
 * resumable uploads (PUT, the tus protocol) and downloads with Range requests. No
 * `authorization`: these routes authorize with signed URLs, and the gateway checks no token
 * on them.
 */
export const FILE_ROUTES_CORS: CorsRules = {
  methods: 'GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS',
  requestHeaders: [
    'content-type',
    'content-range',
    'range',
    'upload-offset',
    'upload-length',
    'upload-metadata',
    'upload-defer-length',
    'upload-concat',
    'tus-resumable',
    'x-http-method-override',
    'x-request-id',
  ].join(', '),
  exposedHeaders: [
    'upload-offset',
    'upload-length',
    'upload-metadata',
    'upload-expires',
    'tus-resumable',
    'tus-version',
    'tus-max-size',
    'tus-extension',
    'location',
    'content-range',
    'accept-ranges',
    'content-length',
    'content-disposition',
    'etag',
    'x-request-id',
  ].join(', '),
};

// A JSON API: nothing may be framed, sniffed or loaded by what it returns.
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-site',
};

function allowedOrigin(req: IncomingMessage, policy: HttpPolicy): string | undefined {
  const origin = req.headers.origin;
  return origin && policy.corsOrigins.includes(origin) ? origin : undefined;
}

function applyHeaders(req: IncomingMessage, res: ServerResponse, policy: HttpPolicy): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const origin = allowedOrigin(req, policy);
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', GRAPHQL_CORS.exposedHeaders);
  }
  res.setHeader('vary', 'origin');
}

/** Security headers on every response, CORS headers for allowed origins. */
export function httpPolicyHeaders(policy: HttpPolicy) {
  return (req: IncomingMessage, res: ServerResponse) => applyHeaders(req, res, policy);
}

/** Lets an allowed origin read these routes' own headers (httpPolicyHeaders exposes GraphQL's). */
export function exposeHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  policy: HttpPolicy,
  rules: CorsRules,
) {
  if (allowedOrigin(req, policy)) res.setHeader('access-control-expose-headers', rules.exposedHeaders);
}

/**
 * A browser's CORS preflight: OPTIONS with Access-Control-Request-Method. Any other OPTIONS
 * (a tus client asking what the server supports) is a request like the others.
 */
export function isCorsPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && !!req.headers.origin && !!req.headers['access-control-request-method'];
}

/** Answers a CORS preflight: 204 for allowed origins, 403 otherwise. */
export function corsPreflight(policy: HttpPolicy, rules: CorsRules = GRAPHQL_CORS): RouteHandler {
  return (req, res) => {
    const allowed = allowedOrigin(req, policy) !== undefined;
    if (allowed) {
      res.setHeader('access-control-allow-methods', rules.methods);
      res.setHeader('access-control-allow-headers', rules.requestHeaders);
      res.setHeader('access-control-max-age', '600');
    }
    res.writeHead(allowed ? 204 : 403);
    res.end();
  };
}
