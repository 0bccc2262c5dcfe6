import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** POSTs an operation to a subgraph, as the gateway would. */
export async function post(url: string, query: string, variables: unknown = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

export interface Subscription {
  /** Every result received so far (data or errors), in order. */
  results: Array<{ data?: any; errors?: any[] }>;
  /** Resolves when the server ends the operation; rejects on a protocol error. */
  ended: Promise<void>;
  /** Waits until at least `count` results arrived. */
  waitForCount(count: number, timeoutMs?: number): Promise<Array<{ data?: any; errors?: any[] }>>;
  stop(): void;
}

/** A graphql-ws client straight to a subgraph, with the token in `connection_init`. */
export function wsClient(url: string, token?: string): Client {
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export function subscribe(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Subscription {
  const results: Subscription['results'] = [];
  const waiters = new Set<() => void>();
  let stop: () => void = () => undefined;
  const ended = new Promise<void>((resolve, reject) => {
    stop = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          results.push(result as { data?: any; errors?: any[] });
          for (const waiter of waiters) waiter();
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(),
      },
    );
  });
  ended.catch(() => undefined);
  return {
    results,
    ended,
    stop: () => stop(),
    waitForCount: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (results.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(results);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out waiting for ${count} results; got ${JSON.stringify(results)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
