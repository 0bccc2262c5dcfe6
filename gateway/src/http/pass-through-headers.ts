import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { forwardedOriginHeaders, REQUEST_ID_HEADER, SIGNATURE_HEADER } from '@lattice/server-kit';

/** Headers of one connection rather than of the message (RFC 9110 7.6.1); `proxy-*` too. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * What the gateway states itself on the requests it passes on, whatever the client sent:
 * who the client is, the request id, and never a gateway signature (these requests are not
 * signed: see pass-through.ts). `expect: 100-continue` was answered by the gateway already.
 */
const STATED_BY_GATEWAY = new Set([
  'host',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  REQUEST_ID_HEADER,
  SIGNATURE_HEADER,
  'expect',
]);

/** The headers a `Connection` header names are hop-by-hop as well. */
function connectionListed(headers: IncomingHttpHeaders): Set<string> | undefined {
  const listed = headers.connection;
  if (!listed) return undefined;
  return new Set(listed.split(',').map((name) => name.trim().toLowerCase()));
}

function isHopByHop(name: string, listed: Set<string> | undefined): boolean {
  return HOP_BY_HOP.has(name) || name.startsWith('proxy-') || listed?.has(name) === true;
}

/**
 * The client's headers as the subgraph gets them: hop-by-hop ones dropped (node:http adds
 * the subgraph's Host), and the gateway's own word on the client: X-Forwarded-For (the
 * address it decided), X-Forwarded-Host/-Proto (the origin it used), the request id.
 */
export function upstreamRequestHeaders(
  incoming: IncomingHttpHeaders,
  stated: { requestId: string; clientIp?: string; origin?: string },
): OutgoingHttpHeaders {
  const listed = connectionListed(incoming);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || isHopByHop(name, listed) || STATED_BY_GATEWAY.has(name)) continue;
    headers[name] = value;
  }
  // A body of unknown length is sent chunked on this hop too (node:http would not frame a
  // DELETE's body at all otherwise).
  if (incoming['transfer-encoding'] && incoming['content-length'] === undefined) {
    headers['transfer-encoding'] = 'chunked';
  }
  headers[REQUEST_ID_HEADER] = stated.requestId;
  if (stated.clientIp) headers['x-forwarded-for'] = stated.clientIp;
  if (stated.origin) Object.assign(headers, forwardedOriginHeaders(stated.origin));
  return headers;
}

/**
 * The subgraph's headers as the client gets them: hop-by-hop ones dropped, and CORS left to
 * the gateway's policy (its headers are set already; the subgraph's would contradict them).
 * The rest wins over the gateway's defaults (security headers), since the subgraph knows
 * what it serves; `Vary` keeps `origin`, which the gateway's CORS answer depends on.
 */
export function clientResponseHeaders(upstream: IncomingHttpHeaders): OutgoingHttpHeaders {
  const listed = connectionListed(upstream);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (value === undefined || isHopByHop(name, listed) || name.startsWith('access-control-')) continue;
    headers[name] = value;
  }
  const vary = upstream.vary;
  if (vary && !/(^|,)\s*(origin|\*)\s*(,|$)/i.test(vary)) headers.vary = `${vary}, origin`;
  return headers;
}
