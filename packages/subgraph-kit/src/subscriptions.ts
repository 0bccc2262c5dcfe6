import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Refusal } from './gateway-only';

export interface SubscriptionServerOptions {
  /** The context of a connection, from its `connection_init` payload (the caller's token). */
  context: (params: Record<string, unknown> | undefined) => Promise<object>;
  /** Largest message accepted (MAX_BODY_BYTES): a larger frame closes the socket with 1009, unread. */
  maxPayload: number;
  /** Checks the upgrade request before any WebSocket exists: an answer refuses it. */
  verifyUpgrade: (req: IncomingMessage) => Refusal | undefined;
}

/**
 * Serves the schema's subscriptions over graphql-ws on the same path as HTTP, when the
 * schema has any. Authentication comes from the `connection_init` payload.
 */
export function attachSubscriptions(
  httpServer: Server,
  schema: GraphQLSchema,
  options: SubscriptionServerOptions,
): { close(): Promise<void> } | undefined {
  if (!schema.getSubscriptionType()) return undefined;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
  const server = useServer({ schema, context: (ctx) => options.context(ctx.connectionParams) }, wss);
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const refusal =
      pathname === '/graphql' ? options.verifyUpgrade(req) : { status: 404, body: { error: 'Not found' } };
    if (refusal) {
      refuseUpgrade(socket, refusal);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  httpServer.on('upgrade', onUpgrade);
  return {
    close: async () => {
      httpServer.off('upgrade', onUpgrade);
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Answers an upgrade request with a plain HTTP response, and hangs up. */
function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  const payload = JSON.stringify(refusal.body);
  const headers = Object.entries(refusal.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\n` +
      headers.join('') +
      'connection: close\r\n' +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
  );
}
