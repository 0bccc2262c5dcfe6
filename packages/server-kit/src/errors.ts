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
  RateLimited: 'RATE_LIMITED',
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
export const rateLimited = (retryAfterSeconds: number) =>
  new UserError(ErrorCode.RateLimited, `Too many attempts; retry in ${retryAfterSeconds}s`, {
    retryAfter: retryAfterSeconds,
  });

export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

/**
 * Apollo Server `formatError`: keeps catalogued errors, masks everything else (the
 * errorMaskingPlugin then adds the request id so an operator can find the original).
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isPublicCode(code) && code !== ErrorCode.Internal) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.Internal },
  };
}
