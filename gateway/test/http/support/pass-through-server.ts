import type { Server } from 'node:http';
import { createHttpServer, createLogger, listen, type Routes, trustedProxies } from '@lattice/server-kit';
import { GatewayMetrics } from '../../../src/metrics';
import type { Ingress } from '../../../src/http/ingress';
import { type PassThroughOptions, passThroughRoutes } from '../../../src/http/pass-through';
import { httpPolicyHeaders } from '../../../src/http/policy';
import { SubgraphHttp } from '../../../src/upstream/http-pool';

export const ALLOWED_ORIGIN = 'https://app.example.com';

export interface PassThroughGateway {
  url: string;
  server: Server;
  metrics: GatewayMetrics;
  close(): Promise<void>;
}

/**
 * The gateway's HTTP front as gateway.ts assembles it (policy headers, then the routes), with
 * the pass-through alone: `/media/` goes to the `media` subgraph at `mediaUrl`; `/ghost/` to
 * a subgraph the supergraph does not have.
 */
export async function startPassThrough(
  mediaUrl: string,
  options: Partial<Pick<PassThroughOptions, 'idleTimeoutMs'>> & {
    ingress?: Partial<Ingress> & { trusted?: string[] };
    routes?: Routes;
  } = {},
): Promise<PassThroughGateway> {
  const http = new SubgraphHttp();
  const metrics = new GatewayMetrics();
  const policy = { corsOrigins: [ALLOWED_ORIGIN] };
  const routes: Routes = {
    ...options.routes,
    ...passThroughRoutes({
      paths: { '/media/': 'media', '/ghost/': 'ghost' },
      subgraphUrl: (name) => (name === 'media' ? new URL('/graphql', mediaUrl).href : undefined),
      agentFor: (url) => http.agentFor(url),
      ingress: {
        proxies: trustedProxies(options.ingress?.trusted ?? []),
        publicOrigin: options.ingress?.publicOrigin,
      },
      policy,
      metrics,
      log: createLogger('gateway', 'silent'),
      idleTimeoutMs: options.idleTimeoutMs,
    }),
  };
  const server = createHttpServer(routes, () => {}, httpPolicyHeaders(policy));
  const port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    metrics,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      http.close();
    },
  };
}
