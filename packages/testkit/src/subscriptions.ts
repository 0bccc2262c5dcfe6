import { type Client, type ClientOptions, createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from './wait-for';

export function wsUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/** A graphql-ws client of a gateway or subgraph, authenticated with `token` in connection_init. */
export function wsClient(httpUrl: string, token?: string, options: Partial<ClientOptions> = {}): Client {
  return createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    ...options,
  });
}

/** Everything a subscription received, and how it ended. */
export interface Subscription<T = Record<string, any>> {
  results: FormattedExecutionResult<T>[];
  /** The data of the results, in order. */
  data(): T[];
  ended: { error?: unknown; complete?: boolean };
  /** Waits until `count` results have arrived. */
  received(count: number, timeoutMs?: number): Promise<FormattedExecutionResult<T>[]>;
  stop(): void;
}

export function subscribe<T = Record<string, any>>(
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
): Subscription<T> {
  const results: FormattedExecutionResult<T>[] = [];
  const ended: Subscription<T>['ended'] = {};
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => results.push(result as FormattedExecutionResult<T>),
      error: (error) => (ended.error = error),
      complete: () => (ended.complete = true),
    },
  );
  return {
    results,
    ended,
    data: () => results.map((result) => result.data as T),
    received: async (count, timeoutMs = 10_000) => {
      await waitFor(() => results.length >= count || Boolean(ended.error), { timeoutMs });
      if (results.length < count)
        throw new Error(`ended with ${String(ended.error)} after ${results.length}`);
      return results;
    },
    stop,
  };
}

/** Resolves with the close event once the server closes the client's socket. */
export function closeCode(client: Client): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      resolve({ code, reason });
    });
  });
}
