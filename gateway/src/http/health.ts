import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '@lattice/server-kit';

type State = 'healthy' | 'unhealthy';

/** The readiness endpoint of a subgraph, derived from its GraphQL URL. */
function readinessUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + '/health/ready';
  return url.toString();
}

async function probe(url: string, timeoutMs: number): Promise<State> {
  try {
    const response = await fetch(readinessUrl(url), { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok ? 'healthy' : 'unhealthy';
  } catch {
    return 'unhealthy';
  }
}

/**
 * `/health/ready`: the gateway and every subgraph it routes to, e.g.
 * `{ gateway: "healthy", services: { identity: "healthy", ... } }`; 503 unless all are healthy.
 */
export function readinessRoute(
  services: () => Map<string, string>,
  isLoaded: () => boolean,
  timeoutMs = 2000,
) {
  return async (_req: IncomingMessage, res: ServerResponse) => {
    const entries = await Promise.all(
      [...services()].map(async ([name, url]) => [name, await probe(url, timeoutMs)] as const),
    );
    const gateway: State = isLoaded() ? 'healthy' : 'unhealthy';
    const ok = gateway === 'healthy' && entries.every(([, state]) => state === 'healthy');
    sendJson(res, ok ? 200 : 503, { gateway, services: Object.fromEntries(entries) });
  };
}
