import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import {
  BodyTooLargeError,
  checkSignatureHeader,
  ErrorCode,
  findUnstorableValue,
  type InternalRequestMetrics,
  isPublicCode,
  type Logger,
  readBody,
  REQUEST_ID_HEADER,
  requestIdOf,
  type RouteHandler,
  sendJson,
  SIGNATURE_HEADER,
  type SignatureCheck,
  verifyRequest,
} from '@lattice/server-kit';
import {
  CALLER_HEADER,
  INTERNAL_MAX_BODY_BYTES,
  type InternalError,
  type InternalPath,
  internalStatusOf,
  isInternalPath,
  NOT_A_DECISION,
  SERVICE_SIGNATURE_CHALLENGE,
} from './internal-protocol';

/** What an internal route's handler is given besides its input. */
export interface InternalRequest {
  /** An EntityManager forked for this request only. */
  em: EntityManager;
  /** The caller's `x-request-id` (the GraphQL request it serves), or a new one. */
  requestId: string;
  /** The subgraph's logger, carrying the request id and the caller. */
  log: Logger;
  /**
   * The calling service as it names itself (`x-lattice-caller`): for logs only. The signature
   * proves a holder of SUBGRAPH_SECRET (a Lattice service), not which one.
   */
  caller: string | undefined;
}

/**
 * Decides one internal request: `input` is the parsed JSON body (`null` when empty), never
 * trusted (validate it as a resolver validates its arguments). Returns the result (sent as
 * `{ result }`, `undefined` as `null`); throws a UserError for a refusal (sent as `{ error }`
 * with its code, message and details, and the status of its code), anything else is logged
 * and answered 500.
 */
export type InternalHandler = (input: unknown, request: InternalRequest) => unknown;

/** A subgraph's internal routes, by path (`/internal/credit-holds`): each is `POST` only. */
export type InternalRoutes = Partial<Record<InternalPath, InternalHandler>>;

/**
 * An internal request body's fields, for a handler to pass on one by one; anything but an
 * object has none (so each is then missing, and refused by whatever checks it).
 */
export const bodyFields = (input: unknown): Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : {};

/** Why a request was refused before any handler ran (a signature check, or no secret at all). */
export type InternalRefusalReason = Exclude<SignatureCheck, 'valid'> | 'no-secret' | 'not-canonical';

export interface InternalRoutesOptions {
  routes: InternalRoutes;
  /** SUBGRAPH_SECRET: without it every internal request is refused. */
  secret: string | undefined;
  orm: MikroORM;
  log: Logger;
  metrics?: InternalRequestMetrics;
}

/** Throws when a definition's internal routes are not all of the canonical shape. */
export function checkInternalRoutes(routes: InternalRoutes, subgraph: string): void {
  for (const path of Object.keys(routes)) {
    if (!isInternalPath(path)) {
      throw new Error(
        `${subgraph}: internal route "${path}" must be /internal/ and lower-case segments of letters, digits and dashes`,
      );
    }
  }
}

/**
 * The handler of every path under `/internal/`, served on the subgraph's own port (not through
 * the gateway, which has no route there). In order, so that an unsigned caller learns nothing
 * (not even which routes exist) and costs little:
 *
 * 1. without a secret, every request is refused (401): internal routes are never open;
 * 2. a target not in its one canonical spelling (a query, dot segments, capitals), or a
 *    missing, malformed or stale signature header: refused before the body is read (401);
 * 3. the body is read (at most INTERNAL_MAX_BODY_BYTES, else 413) and the signature verified
 *    against method, target and body (401 when it does not match);
 * 4. only then: a method other than POST is 405, an unknown path 404, a body that is not JSON
 *    or holds text PostgreSQL cannot store 400 BAD_USER_INPUT; else the handler decides.
 *
 * Refusals are logged (the reason and the peer's address, never the header) and counted.
 */
export function internalRoutesHandler(options: InternalRoutesOptions): RouteHandler {
  const { routes, secret, orm, log, metrics } = options;
  const refuse = (
    req: IncomingMessage,
    res: ServerResponse,
    reason: InternalRefusalReason,
    started: bigint,
  ) => {
    log.warn(
      { reason, path: pathOf(req.url), remoteAddress: req.socket.remoteAddress },
      'refused an internal request not signed by a Lattice service',
    );
    metrics?.observe('refused', 'refused', seconds(started));
    res.setHeader('www-authenticate', SERVICE_SIGNATURE_CHALLENGE);
    // The body is not read: the connection cannot be reused.
    if (!req.complete) res.setHeader('connection', 'close');
    sendJson(res, 401, {
      error: {
        code: NOT_A_DECISION.refused,
        message:
          reason === 'no-secret'
            ? 'Internal routes are closed: this service has no SUBGRAPH_SECRET'
            : 'Only Lattice services may call internal routes',
        details: {},
      },
    });
  };

  return async (req, res) => {
    const started = process.hrtime.bigint();
    if (!secret) return refuse(req, res, 'no-secret', started);
    const target = req.url ?? '/';
    if (!isInternalPath(target)) return refuse(req, res, 'not-canonical', started);
    const header = req.headers[SIGNATURE_HEADER];
    const fresh = checkSignatureHeader(header);
    if (fresh !== 'valid') return refuse(req, res, fresh, started);
    let body: string;
    try {
      body = await readBody(req, INTERNAL_MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      return answerError(res, {
        code: ErrorCode.PayloadTooLarge,
        message: `An internal request body is at most ${INTERNAL_MAX_BODY_BYTES} bytes`,
        details: { limit: INTERNAL_MAX_BODY_BYTES },
      });
    }
    const check = verifyRequest(secret, header, { method: req.method ?? 'GET', target, body });
    if (check !== 'valid') return refuse(req, res, check, started);

    const requestId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const handler = Object.hasOwn(routes, target) ? routes[target] : undefined;
    const route = handler ? target : 'unknown';
    const done = (outcome: 'success' | 'error' | 'failure') =>
      metrics?.observe(route, outcome, seconds(started));
    if (!handler) {
      done('error');
      return sendJson(res, 404, {
        error: { code: NOT_A_DECISION.noRoute, message: `No internal route ${target}`, details: {} },
      });
    }
    if (req.method !== 'POST') {
      done('error');
      res.setHeader('allow', 'POST');
      return answerError(
        res,
        {
          code: ErrorCode.BadUserInput,
          message: 'Internal routes take POST only',
          details: {},
        },
        405,
      );
    }
    let input: unknown = null;
    if (body.trim() !== '') {
      try {
        input = JSON.parse(body);
      } catch {
        done('error');
        return answerError(res, {
          code: ErrorCode.BadUserInput,
          message: 'The body is not JSON',
          details: {},
        });
      }
    }
    const unstorable = findUnstorableValue(input);
    if (unstorable) {
      done('error');
      return answerError(res, {
        code: ErrorCode.BadUserInput,
        message: `${unstorable.field}: ${unstorable.problem}`,
        details: { field: unstorable.field },
      });
    }

    const caller = headerValue(req.headers[CALLER_HEADER]);
    const requestLog = log.child({ requestId, route: target, caller });
    try {
      const result = await handler(input, { em: orm.em.fork(), requestId, log: requestLog, caller });
      done('success');
      sendJson(res, 200, { result: result ?? null });
    } catch (error) {
      const refusal = decisionOf(error);
      if (refusal) {
        done(internalStatusOf(refusal.code) >= 500 ? 'failure' : 'error');
        return answerError(res, refusal);
      }
      done('failure');
      requestLog.error({ err: error }, 'internal request failed');
      sendJson(res, 500, {
        error: {
          code: ErrorCode.Internal,
          message: `Internal server error (request id ${requestId})`,
          details: { requestId },
        },
      });
    }
  };
}

/** A refusal the handler decided on (a catalogued UserError), as it is sent. */
function decisionOf(error: unknown): InternalError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const { code, http: _http, ...details } = error.extensions;
  if (!isPublicCode(code) || code === ErrorCode.Internal) return undefined;
  return { code: code as string, message: error.message, details };
}

function answerError(res: ServerResponse, error: InternalError, status = internalStatusOf(error.code)): void {
  sendJson(res, status, { error });
}

function pathOf(url: string | undefined): string {
  // Only the path, cut short: a query is never logged.
  return (url ?? '/').split('?')[0]!.slice(0, 200);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[a-z][a-z0-9-]{0,62}$/.test(value) ? value : undefined;
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
