import { wsClient } from '@lattice/testkit';

/**
 * A subscriber as a real client holds one: a graphql-ws client that retries for ever (a short
 * random wait), so a closed socket (a gateway going away: 1001) is reopened, through whatever
 * the URL leads to, and the subscription sent again. Counts what it received, by item key.
 */
export function startLiveFeed(options: {
  url: string;
  token: string;
  query: string;
  /** The key of one received item (an event's id), to count duplicates. */
  keyOf: (data: any) => string;
}) {
  const received: Array<{ key: string; at: number }> = [];
  const seen = new Map<string, number>();
  const closeCodes: number[] = [];
  const errors: string[] = [];
  let connections = 0;
  const client = wsClient(options.url, options.token, {
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300)),
    on: {
      connected: () => (connections += 1),
      closed: (event) => {
        const code = (event as { code?: number }).code;
        if (code !== undefined) closeCodes.push(code);
      },
    },
  });
  const unsubscribe = client.subscribe(
    { query: options.query },
    {
      next: (result) => {
        if (result.errors) errors.push(JSON.stringify(result.errors).slice(0, 300));
        if (!result.data) return;
        const key = options.keyOf(result.data);
        received.push({ key, at: Date.now() });
        seen.set(key, (seen.get(key) ?? 0) + 1);
      },
      error: (error) => errors.push(String(error)),
      complete: () => errors.push('completed by the server'),
    },
  );
  return {
    /** Items received after `since` (epoch ms). */
    receivedSince: (since: number) => received.filter((item) => item.at > since).length,
    has: (key: string) => seen.has(key),
    figures: () => ({
      received: received.length,
      duplicates: [...seen.values()].filter((count) => count > 1).length,
      connections,
      reconnects: Math.max(0, connections - 1),
      closeCodes: [...new Set(closeCodes)].sort(),
      errors,
    }),
    stop: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}
