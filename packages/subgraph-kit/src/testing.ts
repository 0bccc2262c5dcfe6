export { startTokenIssuer, type TokenIssuer } from './test-tokens';
export { startSubgraphFixture, type SubgraphFixture } from './test-fixture';
import { createInProcessBus, type EventBus } from '@lattice/events';
import { SIGNATURE_HEADER, signRequest } from '@lattice/server-kit';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { subgraphConfigFromEnv } from './config';
import type { SubgraphDefinition } from './definition';
import { type RunningSubgraph, startSubgraph } from './start';

export interface TestSubgraph {
  subgraph: RunningSubgraph;
  bus: EventBus;
  database: TestDatabase;
  /**
   * POSTs a GraphQL request (JSON) to the subgraph as the gateway sends it: signed when the
   * subgraph was started with a SUBGRAPH_SECRET.
   */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/** The header signing a request to `url` as the gateway would (`body` '' for a WebSocket upgrade). */
export function gatewaySignature(
  secret: string,
  url: string,
  body: string,
  method = 'POST',
  now = Date.now(),
): Record<string, string> {
  const { pathname, search } = new URL(url);
  return { [SIGNATURE_HEADER]: signRequest(secret, { method, target: pathname + search, body }, now) };
}

/**
 * One subgraph on a free port, over a fresh database and an in-process bus (tests only).
 * With `SUBGRAPH_SECRET` in `env` it serves only requests signed with it, as in production;
 * `post` signs them.
 */
export async function startTestSubgraph<TRuntime, TLoaders, TSettings>(
  definition: SubgraphDefinition<TRuntime, TLoaders, TSettings>,
  env: Record<string, string> = {},
  database?: TestDatabase,
): Promise<TestSubgraph> {
  const db = database ?? (await createTestDatabase());
  const bus = createInProcessBus();
  const subgraph = await startSubgraph(
    definition,
    subgraphConfigFromEnv(0, { DATABASE_URL: db.url, HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env }),
    { bus },
  );
  const secret = env.SUBGRAPH_SECRET;
  return {
    subgraph,
    bus,
    database: db,
    post: (body, headers = {}) => {
      const json = JSON.stringify(body);
      return fetch(subgraph.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...headers,
          ...(secret ? gatewaySignature(secret, subgraph.url, json) : {}),
        },
        body: json,
      });
    },
    stop: async () => {
      await subgraph.close();
      await bus.close();
      if (!database) await db.drop();
    },
  };
}
