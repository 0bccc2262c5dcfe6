import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The public error catalogue. Every error a client can see carries one of these codes in
 * `extensions.code`; anything else is masked as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  QuotaExceeded: 'QUOTA_EXCEEDED',
  /** A payment was refused (a declined card): `declineCode` says why. */
  PaymentFailed: 'PAYMENT_FAILED',
  /** A file larger than the limit: `limit` says how large one may be, in bytes. */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** A file whose bytes are not of an allowed type: `allowed` lists them. */
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited: 'RATE_LIMITED',
  /**
   * Another Lattice service this answer depends on (`service` names it) could not decide in
   * time: down, too slow, or failing. Nothing was decided; the same request may be retried.
   */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /**
   * An AI model's answer broke the shape or the rules it was asked for (`field` says where):
   * nothing was stored. The tokens it took still count; asking again may give a usable answer.
   */
  InvalidModelOutput: 'INVALID_MODEL_OUTPUT',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes produced by graphql-js / Apollo Server themselves that are safe to show. */
const FRAMEWORK_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_ALLOWED',
  'PERSISTED_QUERY_HASH_MISMATCH',
  'OPERATION_RESOLUTION_FAILURE',
  'SUBGRAPH_UNAVAILABLE',
]);

const PUBLIC_CODES = new Set<string>([...Object.values(ErrorCode), ...FRAMEWORK_CODES]);

interface ErrorDetails {
  /** The input field the error concerns, as a dotted path (`input.email`). */
  field?: string;
  [key: string]: unknown;
}

/** A user-facing error: a stable code, a message a person can act on, optional details. */
export class UserError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = 'UserError';
  }
}

export const badUserInput = (message: string, field?: string) =>
  new UserError(ErrorCode.BadUserInput, message, field ? { field } : {});
export const unauthenticated = (message = 'Authentication required') =>
  new UserError(ErrorCode.Unauthenticated, message);
export const forbidden = (message = 'You are not allowed to do this') =>
  new UserError(ErrorCode.Forbidden, message);
export const notFound = (message: string) => new UserError(ErrorCode.NotFound, message);
export const conflict = (message: string, field?: string) =>
  new UserError(ErrorCode.Conflict, message, field ? { field } : {});
export const quotaExceeded = (message: string, limit: number) =>
  new UserError(ErrorCode.QuotaExceeded, message, { limit });
export const serviceUnavailable = (service: string) =>
  new UserError(ErrorCode.ServiceUnavailable, `The ${service} service is unavailable; try again shortly`, {
    service,
  });
export const rateLimited = (retryAfterSeconds: number) =>
  new UserError(ErrorCode.RateLimited, `Too many attempts; retry in ${retryAfterSeconds}s`, {
    retryAfter: retryAfterSeconds,
  });

export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

/**
 * Apollo Server refuses a few malformed requests itself with a 4xx status but no code: the
 * client's mistake, not an internal error. The codes they are given (Apollo Router's); any
 * other such refusal is a BAD_REQUEST.
 */
const UNCODED_REFUSALS: Record<string, string> = {
  'provided sha does not match query': 'PERSISTED_QUERY_HASH_MISMATCH',
};

function refusalCodeOf(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return undefined;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return UNCODED_REFUSALS[error.message] ?? 'BAD_REQUEST';
}

/**
 * The code the client is shown for `error`, or undefined when it is not the client's to see
 * (it is then masked as INTERNAL_SERVER_ERROR, and logged).
 */
export function clientCodeOf(error: GraphQLError): string | undefined {
  const code = error.extensions.code;
  if (isPublicCode(code) && code !== ErrorCode.Internal) return code as string;
  return refusalCodeOf(error);
}

/**
 * Apollo Server `formatError`: keeps catalogued errors (and codes Apollo's own refusals of a
 * malformed request, see clientCodeOf), masks everything else (the errorMaskingPlugin then
 * adds the request id so an operator can find the original).
 */
export function maskError(formatted: GraphQLFormattedError, original?: unknown): GraphQLFormattedError {
  const code = refusalCodeOf(original) ?? formatted.extensions?.code;
  if (isPublicCode(code) && code !== ErrorCode.Internal) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return {
    message: 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.Internal },
  };
}
