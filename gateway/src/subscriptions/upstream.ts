import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { FormattedExecutionResult } from 'graphql';
import { SIGNATURE_HEADER, signRequest } from '@lattice/server-kit';

export interface UpstreamOptions {
  /** The subgraph's GraphQL URL (http or ws). */
  url: string;
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
  /** Read at every (re)connection, so a reconnect uses a token that is still valid. */
  authorization: () => string | undefined;
  onEvent: (result: FormattedExecutionResult) => void;
  /** The subgraph refused or ended the subscription for good. */
  onEnd: (error?: unknown) => void;
  /** The connection dropped and is being re-established. */
  onRetry?: (error: unknown) => void;
  /** The connection is (again) open and acknowledged: the subscription is being sent. */
  onConnected?: () => void;
  /** SUBGRAPH_SECRET: each connection's upgrade request is signed with it, when it is made. */
  signingSecret?: string;
}

export interface Upstream {
  close(): void;
}

/**
 * One subscription to a subgraph over graphql-ws. A dropped connection (subgraph restart,
 * network) is re-established with backoff for as long as someone listens, and the
 * subscription is sent again; events published while it was down are not replayed.
 */
export function openUpstream(options: UpstreamOptions): Upstream {
  let closed = false;
  const client: Client = createClient({
    url: toWebSocketUrl(options.url),
    webSocketImpl: options.signingSecret ? signedWebSocket(options.signingSecret) : WebSocket,
    connectionParams: () => {
      const authorization = options.authorization();
      return authorization ? { authorization } : {};
    },
    lazy: true,
    keepAlive: 10_000,
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => !closed,
    retryWait: async (retries) => {
      const delay = Math.min(5_000, 100 * 2 ** Math.min(retries, 6)) * (0.75 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    on: {
      closed: (event) => {
        if (!closed) options.onRetry?.(event);
      },
      connected: () => {
        if (!closed) options.onConnected?.();
      },
    },
  });
  const unsubscribe = client.subscribe(
    { query: options.query, operationName: options.operationName, variables: options.variables },
    {
      next: (result) => options.onEvent(result as FormattedExecutionResult),
      error: (error) => {
        if (!closed) options.onEnd(error);
      },
      complete: () => {
        if (!closed) options.onEnd();
      },
    },
  );
  return {
    close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      // Disposed while a connection attempt is failing, graphql-ws rejects with that attempt's
      // close event; nothing waits for it, and an unhandled rejection would end the process.
      Promise.resolve(client.dispose()).catch(() => undefined);
    },
  };
}

/**
 * A WebSocket whose upgrade request carries the gateway's signature (an upgrade has no body),
 * made at each (re)connection, so the subgraph accepts it before any message is exchanged and
 * a captured upgrade request is worthless once the signature window has passed.
 */
function signedWebSocket(secret: string) {
  return class SignedWebSocket extends WebSocket {
    // graphql-ws constructs it as `new WebSocket(url, protocol)`.
    constructor(address: string, protocols?: string | string[]) {
      const { pathname, search } = new URL(address);
      const signature = signRequest(secret, { method: 'GET', target: pathname + search, body: '' });
      super(address, protocols, { headers: { [SIGNATURE_HEADER]: signature } });
    }
  };
}

function toWebSocketUrl(url: string): string {
  return url.replace(/^http(s?):/, 'ws$1:');
}
