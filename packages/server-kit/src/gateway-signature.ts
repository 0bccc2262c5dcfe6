import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Proof that a request to a subgraph comes from the gateway: an HMAC-SHA256, keyed by the
 * secret the gateway and every subgraph share (`SUBGRAPH_SECRET`), of a timestamp, the
 * method, the request target and the body, sent as `x-lattice-signature: t=<unix seconds>,v1=<hex>`
 * (the scheme of Hive Gateway's HMAC upstream signature, with a timestamp so that a captured
 * request cannot be replayed once the window has passed).
 */
export const SIGNATURE_HEADER = 'x-lattice-signature';

/**
 * The `WWW-Authenticate` of a subgraph's 401 refusing a request for its signature: the
 * gateway then knows it is the one refused (a SUBGRAPH_SECRET that differs), not its client.
 */
export const SIGNATURE_CHALLENGE = 'Lattice-Gateway-Signature';

/** The shortest SUBGRAPH_SECRET accepted (`openssl rand -hex 32` gives 64 characters). */
export const SUBGRAPH_SECRET_MIN_LENGTH = 32;

/** How old (or, clocks differing, how far ahead) a signature may be, in seconds. */
export const SIGNATURE_WINDOW_SECONDS = 30;

export interface SignedRequest {
  method: string;
  /** The path and query string (`/graphql`, `/graphql?query=…`), as the subgraph sees it. */
  target: string;
  /** The raw body ('' for a GET or a WebSocket upgrade). */
  body: string;
}

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'expired' | 'mismatch';

function mac(secret: string, timestamp: number, request: SignedRequest): Buffer {
  return createHmac('sha256', secret)
    .update(`lattice-v1\n${timestamp}\n${request.method.toUpperCase()}\n${request.target}\n`)
    .update(request.body)
    .digest();
}

/** The header value that signs `request` at `now` (milliseconds since the epoch). */
export function signRequest(secret: string, request: SignedRequest, now = Date.now()): string {
  const timestamp = Math.floor(now / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, request).toString('hex')}`;
}

/** Reads `t=…,v1=…`; undefined when the header is not of that shape. */
function parseHeader(header: string): { timestamp: number; signature: Buffer } | undefined {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header.trim());
  if (!match) return undefined;
  return { timestamp: Number(match[1]), signature: Buffer.from(match[2]!, 'hex') };
}

/**
 * Whether the header's timestamp is fresh: checked before the body is read, so that a
 * request without a usable signature costs nothing more.
 */
export function checkSignatureHeader(
  header: string | string[] | undefined,
  now = Date.now(),
): SignatureCheck {
  if (header === undefined || header === '') return 'missing';
  const parsed = typeof header === 'string' ? parseHeader(header) : undefined;
  if (!parsed) return 'malformed';
  return Math.abs(now / 1000 - parsed.timestamp) > SIGNATURE_WINDOW_SECONDS ? 'expired' : 'valid';
}

/** Verifies the header against the request, comparing the MACs in constant time. */
export function verifyRequest(
  secret: string,
  header: string | string[] | undefined,
  request: SignedRequest,
  now = Date.now(),
): SignatureCheck {
  const fresh = checkSignatureHeader(header, now);
  if (fresh !== 'valid') return fresh;
  const { timestamp, signature } = parseHeader(header as string)!;
  return timingSafeEqual(signature, mac(secret, timestamp, request)) ? 'valid' : 'mismatch';
}
