import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

/**
 * Serves the schema's subscriptions over graphql-ws on the same path as HTTP, when the
 * schema has any. Authentication comes from the `connection_init` payload.
 */
export function attachSubscriptions(
  httpServer: Server,
  schema: GraphQLSchema,
  context: (params: Record<string, unknown> | undefined) => Promise<object>,
): { close(): Promise<void> } | undefined {
  if (!schema.getSubscriptionType()) return undefined;
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const server = useServer({ schema, context: (ctx) => context(ctx.connectionParams) }, wss);
  return {
    close: async () => {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
