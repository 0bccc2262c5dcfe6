import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteHandler } from '@lattice/server-kit';

export interface HttpPolicy {
  /** Origins allowed to call the API from a browser (exact match); empty: same origin only. */
  corsOrigins: string[];
}

// A JSON API: nothing may be framed, sniffed or loaded by what it returns.
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-site',
};

const CORS_ALLOWED_HEADERS = 'content-type, authorization, x-request-id, apollo-require-preflight';

function applyHeaders(req: IncomingMessage, res: ServerResponse, policy: HttpPolicy): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const origin = req.headers.origin;
  if (origin && policy.corsOrigins.includes(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader(
      'access-control-expose-headers',
      'x-request-id, retry-after, ratelimit-limit, ratelimit-remaining',
    );
  }
  res.setHeader('vary', 'origin');
}

/** Security headers on every response, CORS headers for allowed origins. */
export function httpPolicyHeaders(policy: HttpPolicy) {
  return (req: IncomingMessage, res: ServerResponse) => applyHeaders(req, res, policy);
}

/** The CORS preflight route of `/graphql`: 204 for allowed origins, 403 otherwise. */
export function corsPreflight(policy: HttpPolicy): RouteHandler {
  return (req, res) => {
    const allowed = !!req.headers.origin && policy.corsOrigins.includes(req.headers.origin);
    if (allowed) {
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS);
      res.setHeader('access-control-max-age', '600');
    }
    res.writeHead(allowed ? 204 : 403);
    res.end();
  };
}
