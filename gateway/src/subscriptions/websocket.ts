import type { IncomingMessage, Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type ExecutionResult, type FormattedExecutionResult, GraphQLError } from 'graphql';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger, TokenVerifier } from '@lattice/server-kit';
import { callerContext, type GatewayContext } from '../context';
import type { Ingress } from '../http/ingress';
import type { Revocations } from '../revocation';
import { untilExpiry } from './token-expiry';
import { ClientQueue } from './client-queue';
import type { SubscriptionMetrics } from './metrics';
import { parseOperation, prepareSubscription, type SubscriptionGate } from './prepare';
import { runOperation } from './run-operation';

type ConnectionExtra = {
  /** Released once the connection is acknowledged (it is only read then). */
  request: IncomingMessage;
  context?: GatewayContext;
  expiry?: NodeJS.Timeout;
  /** Stops watching for the revocation of the connection's token. */
  unwatch?: () => void;
};

type Prepared = {
  context: GatewayContext;
  source: string;
  events?: AsyncIterableIterator<FormattedExecutionResult>;
  socket: WebSocket;
  id: string;
};

/**
 * Each event's result is one object shared by all its subscribers: serialized once, then
 * spliced into each subscriber's `next` message.
 */
const serialized = new WeakMap<FormattedExecutionResult, string>();

function serialize(result: FormattedExecutionResult): string {
  let json = serialized.get(result);
  if (json === undefined) serialized.set(result, (json = JSON.stringify(result)));
  return json;
}

/**
 * Sends a subscription's events straight from its queue to the socket, without
 * graphql-ws's per-event promises and serialization: `{"id":…,"type":"next","payload":…}`
 * exactly as graphql-ws would write it. graphql-ws still owns the subscription (complete
 * from the client, the final `complete`, which comes after every queued event was sent).
 */
function sendDirectly(queue: ClientQueue<FormattedExecutionResult>, socket: WebSocket, id: string): void {
  const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  queue.attach((result, sent) => {
    if (socket.readyState !== WebSocket.OPEN) {
      sent();
      return;
    }
    socket.send(`${prefix}${serialize(result)}}`, sent);
  });
}

/**
 * graphql-ws on the gateway's GraphQL path. The token comes in `connection_init`
 * (`{ authorization: "Bearer …" }`): a bad one closes the socket with 4403, and the
 * connection ends (4403) when it expires or is revoked (the reason says which).
 * Subscriptions go through the shared upstreams; queries and mutations sent on the socket
 * run through Apollo Server like HTTP ones.
 */
export function attachWebSocket(options: {
  httpServer: Server;
  path: string;
  gate: SubscriptionGate;
  apollo: ApolloServer<GatewayContext>;
  verify: TokenVerifier;
  revocations: Revocations;
  ingress: Ingress;
  metrics: SubscriptionMetrics;
  log: Logger;
  perConnection: number;
  /** Largest message accepted: a larger frame closes the socket with 1009 before it is read. */
  maxPayload: number;
}): { close(): Promise<void> } {
  const { gate, apollo, verify, revocations, ingress, metrics, log } = options;
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: options.maxPayload,
  });
  const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      onConnect: async (ctx) => {
        try {
          ctx.extra.context = await callerContext(
            ctx.extra.request,
            ctx.connectionParams?.authorization,
            verify,
            log,
            ingress,
          );
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
        const wait = untilExpiry(ctx.extra.context);
        if (wait !== undefined) {
          ctx.extra.expiry = setTimeout(
            () => ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired'),
            wait,
          );
        }
        ctx.extra.unwatch = revocations.watch(ctx.extra.context.viewer, (reason) =>
          ctx.extra.socket.close(CloseCode.Forbidden, reason),
        );
        metrics.clients.inc({ transport: 'websocket' });
        // The upgrade request (headers and all) is not needed for the rest of a long connection.
        (ctx.extra as { request?: IncomingMessage }).request = undefined;
        return true;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
        ctx.extra.unwatch?.();
        if (ctx.acknowledged) metrics.clients.dec({ transport: 'websocket' });
      },
      onSubscribe: (ctx, id, payload) => {
        const context = ctx.extra.context!;
        // graphql-ws registers the new operation before asking: it counts itself.
        if (Object.keys(ctx.subscriptions).length > options.perConnection) {
          return [
            new GraphQLError(
              `At most ${options.perConnection} operations may run at once on one connection`,
              {
                extensions: { code: 'RATE_LIMITED' },
              },
            ),
          ];
        }
        const document = parseOperation(gate, payload.query);
        if (document instanceof GraphQLError) return [document];
        const prepared = prepareSubscription(gate, {
          document,
          source: payload.query,
          operationName: payload.operationName ?? undefined,
          variables: payload.variables,
          context,
        });
        if (prepared.kind === 'errors') return prepared.errors;
        const contextValue: Prepared = {
          context,
          source: payload.query,
          events: prepared.kind === 'subscription' ? prepared.events : undefined,
          socket: ctx.extra.socket,
          id,
        };
        return {
          schema: gate.planner.current().apiSchema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      subscribe: ({ contextValue }) => {
        const { events, socket, id } = contextValue as Prepared;
        if (events instanceof ClientQueue) sendDirectly(events, socket, id);
        return events as unknown as AsyncGenerator<ExecutionResult>;
      },
      execute: async ({ contextValue, operationName, variableValues }) =>
        (await runOperation(apollo, {
          query: (contextValue as Prepared).source,
          operationName: operationName ?? undefined,
          variables: variableValues ?? undefined,
          context: (contextValue as Prepared).context,
        })) as ExecutionResult,
      // Results are already formatted (and masked) once per event for every subscriber.
      onNext: (_ctx, _id, _payload, _args, result) => result as unknown as FormattedExecutionResult,
    },
    wss,
  );
  return {
    close: async () => {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
