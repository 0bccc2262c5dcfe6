import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/http';
import type { Logger, TokenVerifier } from '@lattice/server-kit';
import { callerContext, type GatewayContext } from '../context';
import { untilExpiry } from './token-expiry';
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
 * the usual `Authorization` header. Each stream ends when its token expires.
 */
export function sseHandler(options: {
  gate: SubscriptionGate;
  apollo: ApolloServer<GatewayContext>;
  verify: TokenVerifier;
  metrics: SubscriptionMetrics;
  log: Logger;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { gate, apollo, verify, metrics, log } = options;
  return createHandler({
    onSubscribe: async (req, params) => {
      let context: GatewayContext;
      try {
        context = await callerContext(req.raw, req.headers.get('authorization'), verify, log);
      } catch (error) {
        return errorResponse(401, error as GraphQLError);
      }
      const source = typeof params.query === 'string' ? params.query : '';
      const document = typeof params.query === 'string' ? parseOperation(gate, params.query) : params.query;
      if (document instanceof GraphQLError) return errorResponse(400, document);
      const operationName = params.operationName ?? undefined;
      const variables = params.variables ?? undefined;
      const prepared = prepareSubscription(gate, { document, source, operationName, variables, context });
      if (prepared.kind === 'errors') return { errors: prepared.errors } as ExecutionResult;
      if (prepared.kind === 'operation') {
        return (await runOperation(apollo, {
          query: source,
          operationName,
          variables,
          context,
        })) as ExecutionResult;
      }
      const events = prepared.events;
      metrics.clients.inc({ transport: 'sse' });
      const wait = untilExpiry(context);
      const expiry = wait === undefined ? undefined : setTimeout(() => void events.return?.(), wait);
      return countedUntilDone(events, () => {
        clearTimeout(expiry);
        metrics.clients.dec({ transport: 'sse' });
      }) as unknown as AsyncIterable<ExecutionResult>;
    },
  });
}

/** The same events; `onDone` runs once, however the stream ends. */
async function* countedUntilDone<T>(events: AsyncIterableIterator<T>, onDone: () => void): AsyncGenerator<T> {
  try {
    yield* events;
  } finally {
    await events.return?.();
    onDone();
  }
}

function errorResponse(
  status: number,
  error: GraphQLError,
): [string, { status: number; statusText: string; headers: Record<string, string> }] {
  return [
    JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.extensions.code } }] }),
    {
      status,
      statusText: status === 401 ? 'Unauthorized' : 'Bad Request',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    },
  ];
}
