import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { type Span, SpanStatusCode } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { activeSpanIds } from './tracing';

/**
 * What is known about the GraphQL request being served, for every log line written while
 * serving it (whichever logger writes it) and for its span. One object per request, set by
 * the GraphQL handler and filled in as Apollo resolves the operation.
 */
export interface RequestScope {
  requestId: string;
  /** The operation's name once Apollo has resolved it; before that, the name the client sent. */
  operationName: string | null;
  /** The request's SERVER span, when tracing is on. */
  span?: Span;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` (and everything it starts) as part of serving the request `store` describes. */
export function runInRequestScope<T>(store: RequestScope, fn: () => T): T {
  return scope.run(store, fn);
}

/** Runs `fn` (and everything it starts) as work of no request: background work it triggers. */
export function outsideRequestScope<T>(fn: () => T): T {
  return scope.exit(fn);
}

/** The request being served, if any. */
export function currentRequest(): RequestScope | undefined {
  return scope.getStore();
}

/**
 * The logger a request's context carries. Inside the request's scope the logger mixin already
 * writes the request id (and operation name) on every line, so the logger is used as it is — no
 * child logger per request; outside it (WebSocket subscriptions) a child binds the request id.
 */
export function requestLogger(log: Logger, requestId: string): Logger {
  return scope.getStore()?.requestId === requestId ? log : log.child({ requestId });
}

/**
 * The pino mixin: the request id, operation name and (with tracing on) trace and span ids of
 * the request being served. Runs only for lines that are actually written.
 */
export function requestLogFields(): Record<string, unknown> {
  const store = scope.getStore();
  if (!store) return {};
  const ids = activeSpanIds();
  return ids
    ? {
        requestId: store.requestId,
        operationName: store.operationName,
        traceId: ids.traceId,
        spanId: ids.spanId,
      }
    : { requestId: store.requestId, operationName: store.operationName };
}

// One listener shared by every request: it reads the request from the scope, so nothing is
// allocated per request when tracing is off.
const listener: GraphQLRequestListener<BaseContext> = {
  async didResolveOperation({ operationName, operation }) {
    const store = scope.getStore();
    if (!store) return;
    store.operationName = operationName ?? null;
    const span = store.span;
    if (!span || !operation) return;
    // OpenTelemetry's GraphQL conventions: `{operation type} {operation name}`.
    span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
    span.setAttribute('graphql.operation.type', operation.operation);
    if (operationName) span.setAttribute('graphql.operation.name', operationName);
  },
  async willSendResponse({ contextValue, operation, errors, response }) {
    const span = scope.getStore()?.span;
    const log = (contextValue as { log?: Logger }).log;
    const debug = log?.isLevelEnabled('debug') ?? false;
    if (!span && !debug) return;
    const sent = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
    const failed = errors?.length || sent?.length;
    const outcome = !operation ? 'invalid' : failed ? 'error' : 'success';
    // Error codes only: messages can quote the variables a client sent.
    const codes = failed
      ? [...new Set((sent ?? errors ?? []).map((error) => String(error.extensions?.code ?? 'UNKNOWN')))]
      : undefined;
    // The access log, at debug level (the request id and operation name come from the mixin).
    if (debug)
      log!.debug({ type: operation?.operation, outcome, errorCodes: codes }, 'graphql request served');
    if (!span) return;
    span.setAttribute('lattice.outcome', outcome);
    if (!codes) return;
    span.setAttribute('graphql.error.codes', codes);
    span.setStatus({ code: SpanStatusCode.ERROR });
  },
};

/** Fills in the request scope (operation name) and the request span (name, type, outcome). */
export function requestScopePlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return { requestDidStart: async () => listener as GraphQLRequestListener<T> };
}
