import { ErrorCode } from '@lattice/server-kit';

/**
 * What a subgraph's internal routes and the internal client agree on (see internal-routes.ts
 * and internal-client.ts):
 *
 * - every internal route is `POST /internal/<segment>[/<segment>…]`, segments of lower-case
 *   letters, digits and dashes: no query, no dot segments, nothing to normalize;
 * - the request is signed exactly as the gateway signs its requests to `/graphql`
 *   (server-kit's gateway-signature.ts: HMAC-SHA256 with SUBGRAPH_SECRET over a timestamp,
 *   the method, the target and the body, in `x-lattice-signature`), over a target of that
 *   canonical shape, so the two can never be mistaken for each other: a gateway signature is
 *   of `/graphql`, which is never under `/internal/`, and `/graphql` accepts a signature only
 *   when the raw target is exactly `/graphql` (gateway-only.ts), so a signature of
 *   `/internal/../graphql` (which the internal client refuses to make) would not pass either;
 * - the body is JSON, at most INTERNAL_MAX_BODY_BYTES;
 * - the answer is JSON: `{ result }` with 200, or `{ error: { code, message, details } }` with
 *   the status of its code (internalStatusOf).
 */
export const INTERNAL_PREFIX = '/internal/';

/** The largest request body an internal route reads (64 KiB): they take small JSON inputs. */
export const INTERNAL_MAX_BODY_BYTES = 64 * 1024;

/** The `WWW-Authenticate` of a refusal for a missing or bad service signature. */
export const SERVICE_SIGNATURE_CHALLENGE = 'Lattice-Service-Signature';

/** Sent by the internal client with its own name, for the owner's logs (never trusted). */
export const CALLER_HEADER = 'x-lattice-caller';

/** The path of an internal route. */
export type InternalPath = `/internal/${string}`;

const CANONICAL = /^\/internal(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/** Whether `target` is an internal route's path in its one canonical spelling. */
export function isInternalPath(target: string): target is InternalPath {
  return CANONICAL.test(target);
}

/** An internal route's error answer: the code of server-kit's catalogue, its message and details. */
export interface InternalError {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Internal answers that are not the owner's decision (the caller turns them into SERVICE_UNAVAILABLE). */
export const NOT_A_DECISION = {
  /** A missing, stale or wrong signature, or an owner without SUBGRAPH_SECRET. */
  refused: 'SERVICE_SIGNATURE_REFUSED',
  /** No internal route at that path (an owner older than its caller). */
  noRoute: 'NO_INTERNAL_ROUTE',
} as const;

const STATUS: Record<string, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.PaymentFailed]: 402,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.QuotaExceeded]: 422,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.ServiceUnavailable]: 503,
};

/** The HTTP status an internal route answers an error of `code` with (500 when unknown). */
export function internalStatusOf(code: string): number {
  return STATUS[code] ?? 500;
}
