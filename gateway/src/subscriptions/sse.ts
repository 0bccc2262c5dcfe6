import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { type ExecutionResult, type FormattedExecutionResult, getOperationAST, GraphQLError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/http';
import { ErrorCode, type Logger, type TokenVerifier } from '@lattice/server-kit';
import { callerContext, type GatewayContext } from '../context';
import type { Ingress } from '../http/ingress';
import type { Revocations } from '../revocation';
import { TOKEN_EXPIRED, untilExpiry } from './token-expiry';
import type { SubscriptionMetrics } from './metrics';
import { parseOperation, prepareSubscription, type SubscriptionGate } from './prepare';
import { runOperation } from './run-operation';

/** Whether a request to the GraphQL path asks for an event stream (GraphQL over SSE). */
export function wantsEventStream(req: IncomingMessage): boolean {
  return req.headers.accept?.includes('text/event-stream') ?? false;
}

/**
 * GraphQL over Server-Sent Events (graphql-sse's distinct connections mode) on the GraphQL
 * path, for clients that cannot open WebSockets: `Accept: text/event-stream`, the token in
 * the usual `Authorization` header. Each stream ends when its token expires, and when it is
 * revoked, with a last result saying why (UNAUTHENTICATED).
 */
export function sseHandler(options: {
  gate: SubscriptionGate;
  apollo: ApolloServer<GatewayContext>;
  verify: TokenVerifier;
  revocations: Revocations;
  ingress: Ingress;
  metrics: SubscriptionMetrics;
  log: Logger;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { gate, apollo, verify, revocations, ingress, metrics, log } = options;
  return createHandler({
    onSubscribe: async (req, params) => {
      let context: GatewayContext;
      try {
        context = await callerContext(req.raw, req.headers.get('authorization'), verify, log, ingress);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        return errorResponse(401, error);
      }
      const source = typeof params.query === 'string' ? params.query : '';
      const document = typeof params.query === 'string' ? parseOperation(gate, params.query) : params.query;
      if (document instanceof GraphQLError) return resultStream({ errors: [document] });
      const operationName = params.operationName ?? undefined;
      // A GET must change nothing (GraphQL over HTTP): links and images can make browsers send one.
      if (req.method === 'GET' && getOperationAST(document, operationName)?.operation === 'mutation') {
        return errorResponse(
          405,
          new GraphQLError('Mutations are sent with POST', { extensions: { code: 'BAD_REQUEST' } }),
        );
      }
      const variables = params.variables ?? undefined;
      const prepared = prepareSubscription(gate, { document, source, operationName, variables, context });
      if (prepared.kind === 'errors') return resultStream({ errors: prepared.errors });
      if (prepared.kind === 'operation') {
        return resultStream(await runOperation(apollo, { query: source, operationName, variables, context }));
      }
      const events = prepared.events;
      metrics.clients.inc({ transport: 'sse' });
      const wait = untilExpiry(context);
      // The stream ends when the token expires, and says so (as a WebSocket is closed with 4403).
      let expired: FormattedExecutionResult | undefined;
      const expiry =
        wait === undefined
          ? undefined
          : setTimeout(() => {
              expired = TOKEN_EXPIRED;
              void events.return?.();
            }, wait);
      let revoked: FormattedExecutionResult | undefined;
      const unwatch = revocations.watch(context.viewer, (reason) => {
        revoked = { errors: [{ message: reason, extensions: { code: ErrorCode.Unauthenticated } }] };
        void events.return?.();
      });
      return countedUntilDone(
        events,
        () => {
          clearTimeout(expiry);
          unwatch();
          metrics.clients.dec({ transport: 'sse' });
        },
        () => revoked ?? expired,
      ) as unknown as AsyncIterable<ExecutionResult>;
    },
  });
}

/**
 * One result as a stream: `next` with it, then `complete`. Refusals go this way, as graphql-sse's
 * protocol asks of errors found before execution (a 4xx would make clients retry, and an
 * EventSource cannot read its body); so does a query's result, which graphql-sse would
 * otherwise take for arguments to execute when it carries no `data`.
 */
async function* resultStream(
  result: ExecutionResult | FormattedExecutionResult,
): AsyncGenerator<ExecutionResult> {
  yield result as ExecutionResult;
}

/** The same events, then `last()` if any; `onDone` runs once, however the stream ends. */
async function* countedUntilDone<T>(
  events: AsyncIterableIterator<T>,
  onDone: () => void,
  last: () => T | undefined = () => undefined,
): AsyncGenerator<T> {
  try {
    yield* events;
    const final = last();
    if (final) yield final;
  } finally {
    await events.return?.();
    onDone();
  }
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 405: 'Method Not Allowed' };

function errorResponse(
  status: number,
  error: GraphQLError,
): [string, { status: number; statusText: string; headers: Record<string, string> }] {
  return [
    JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] }),
    {
      status,
      statusText: STATUS_TEXT[status] ?? 'Bad Request',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(status === 405 ? { allow: 'POST' } : {}),
      },
    },
  ];
}
