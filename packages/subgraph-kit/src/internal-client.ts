import { z } from 'zod';
import {
  currentRequest,
  ErrorCode,
  isPublicCode,
  type Logger,
  REQUEST_ID_HEADER,
  serviceUnavailable,
  SIGNATURE_HEADER,
  signRequest,
  UserError,
} from '@lattice/server-kit';
import {
  CALLER_HEADER,
  INTERNAL_MAX_BODY_BYTES,
  type InternalPath,
  isInternalPath,
  NOT_A_DECISION,
} from './internal-protocol';

/** How long a call may take, from sending to the whole answer read, unless told otherwise. */
export const DEFAULT_INTERNAL_TIMEOUT_MS = 2_000;

export interface InternalClientOptions {
  /** The owner's subgraph name (`billing`): named in SERVICE_UNAVAILABLE and in logs. */
  service: string;
  /**
   * Where the owner listens (`http://billing:4004`; its origin is used), usually from the
   * caller's settings (`internalServiceUrl('billing')`, i.e. BILLING_URL). Unset: every call
   * answers SERVICE_UNAVAILABLE.
   */
  baseUrl: string | undefined;
  /** SUBGRAPH_SECRET (the subgraph's `config.subgraphSecret`). Unset: every call answers SERVICE_UNAVAILABLE. */
  secret: string | undefined;
  /** Per call, from sending to the whole answer read (default DEFAULT_INTERNAL_TIMEOUT_MS). */
  timeoutMs?: number;
  /** The calling subgraph's name, sent for the owner's logs. */
  caller?: string;
  /** Told why a call could not be answered (never the secret, the signature or the owner's URL). */
  log?: Logger;
}

export interface InternalCallOptions {
  /** Sent as `x-request-id`; by default the id of the GraphQL request being served, if any. */
  requestId?: string;
  timeoutMs?: number;
  /** Gives the call up when aborted (a cancelled job), as a timeout would. */
  signal?: AbortSignal;
}

export interface InternalClient {
  readonly service: string;
  /** Whether calls can be made at all (the owner's address and a secret are known). */
  readonly configured: boolean;
  /**
   * POSTs `input` (JSON) to the owner's internal route `path`, signed, and resolves with its
   * `result`. A refusal the owner decided on is thrown as the UserError it threw (its code,
   * message and details, e.g. QUOTA_EXCEEDED with `available` and `requested`), ready to
   * rethrow to a GraphQL client. When the owner cannot decide (not configured, down, too
   * slow, a 5xx, an answer that is not one, a refused signature): a UserError
   * SERVICE_UNAVAILABLE naming the service, and a warning in `log`.
   */
  call<T = unknown>(path: InternalPath, input: unknown, options?: InternalCallOptions): Promise<T>;
}

/** The variable holding a subgraph's address for its callers: `billing` → `BILLING_URL`. */
export function internalServiceVariable<const N extends string>(service: N): `${Uppercase<N>}_URL` {
  return `${service.toUpperCase()}_URL` as `${Uppercase<N>}_URL`;
}

const serviceUrl = () =>
  z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL like http://billing:4004' }).optional(),
  );

/**
 * A settings fragment (spread it into the subgraph's `settings` z.object) reading where a
 * called subgraph listens: `internalServiceUrl('billing')` reads BILLING_URL, optional (unset:
 * calls answer SERVICE_UNAVAILABLE). The launcher and docker-compose set it for each name in
 * the caller's `lattice.calls`.
 */
export function internalServiceUrl<const N extends string>(
  service: N,
): Record<`${Uppercase<N>}_URL`, ReturnType<typeof serviceUrl>> {
  return { [internalServiceVariable(service)]: serviceUrl() } as Record<
    `${Uppercase<N>}_URL`,
    ReturnType<typeof serviceUrl>
  >;
}

/** Why a call was not answered, for the log. */
type Failure = { reason: string; status?: number; error?: unknown; ownerRequestId?: unknown };

/**
 * A client of one subgraph's internal routes (see internal-routes.ts). Node's fetch keeps
 * connections to the owner alive between calls (one pool per origin), so a call costs one
 * round trip once warm. Calls are not retried: the caller decides (an idempotent route, such
 * as billing's holds by reference, may simply be called again).
 */
export function createInternalClient(options: InternalClientOptions): InternalClient {
  const { service, secret, log, caller } = options;
  const origin =
    options.baseUrl && URL.canParse(options.baseUrl) ? new URL(options.baseUrl).origin : undefined;
  const defaultTimeout = options.timeoutMs ?? DEFAULT_INTERNAL_TIMEOUT_MS;
  let warnedUnconfigured = false;

  const unavailable = (path: string, failure: Failure, level: 'warn' | 'error' = 'warn') => {
    const { error, ...fields } = failure;
    log?.[level](
      { service, path, ...fields, ...(error ? { err: describe(error) } : {}) },
      `internal call to ${service} not answered`,
    );
    return serviceUnavailable(service);
  };

  return {
    service,
    configured: Boolean(origin && secret),
    async call<T>(path: InternalPath, input: unknown, callOptions: InternalCallOptions = {}): Promise<T> {
      // The caller's own mistakes: never sent, never signed.
      if (!isInternalPath(path)) throw new Error(`not an internal route path: ${JSON.stringify(path)}`);
      const body = JSON.stringify(input ?? null);
      if (Buffer.byteLength(body) > INTERNAL_MAX_BODY_BYTES) {
        throw new Error(`internal call to ${service}${path}: body over ${INTERNAL_MAX_BODY_BYTES} bytes`);
      }
      if (!origin || !secret) {
        if (!warnedUnconfigured) {
          warnedUnconfigured = true;
          log?.warn(
            { service, missing: !origin ? internalServiceVariable(service) : 'SUBGRAPH_SECRET' },
            `internal calls to ${service} are not configured: they answer SERVICE_UNAVAILABLE`,
          );
        }
        throw serviceUnavailable(service);
      }
      const requestId = callOptions.requestId ?? currentRequest()?.requestId;
      let status: number;
      let text: string;
      try {
        const response = await fetch(origin + path, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [SIGNATURE_HEADER]: signRequest(secret, { method: 'POST', target: path, body }),
            ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
            ...(caller ? { [CALLER_HEADER]: caller } : {}),
          },
          body,
          signal: callOptions.signal
            ? AbortSignal.any([
                callOptions.signal,
                AbortSignal.timeout(callOptions.timeoutMs ?? defaultTimeout),
              ])
            : AbortSignal.timeout(callOptions.timeoutMs ?? defaultTimeout),
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        if (callOptions.signal?.aborted) throw callOptions.signal.reason;
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        throw unavailable(path, { reason: timedOut ? 'timeout' : 'unreachable', error });
      }

      const answer = parse(text);
      if (status === 200 && answer && 'result' in answer) return answer.result as T;
      const error = answer?.error;
      if (!isErrorShape(error)) throw unavailable(path, { reason: 'not an answer', status });
      if (error.code === NOT_A_DECISION.refused) {
        throw unavailable(
          path,
          { reason: 'signature refused (is SUBGRAPH_SECRET the same?)', status },
          'error',
        );
      }
      if (error.code === NOT_A_DECISION.noRoute) {
        throw unavailable(path, { reason: 'no such internal route (an older version?)', status }, 'error');
      }
      if (!isPublicCode(error.code) || error.code === ErrorCode.Internal) {
        throw unavailable(path, {
          reason: 'failed',
          status,
          ownerRequestId: error.details?.requestId,
        });
      }
      // The owner's decision, as it made it.
      const { code: _code, ...details } = isRecord(error.details) ? error.details : {};
      throw new UserError(error.code as ErrorCode, error.message, details);
    },
  };
}

interface Answer {
  result?: unknown;
  error?: unknown;
}

function parse(text: string): Answer | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorShape(
  value: unknown,
): value is { code: string; message: string; details?: Record<string, unknown> } {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

/** A network error's name and code (ECONNREFUSED…), not its message (which may hold the URL). */
function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const cause = (error as { cause?: { code?: unknown; name?: unknown } }).cause;
  return { type: error.name, ...(cause?.code ? { code: cause.code } : {}) };
}
