export { startTokenIssuer, type TokenIssuer } from './test-tokens';
import { createInProcessBus, type EventBus } from '@lattice/events';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { subgraphConfigFromEnv } from './config';
import type { SubgraphDefinition } from './definition';
import { type RunningSubgraph, startSubgraph } from './start';

export interface TestSubgraph {
  subgraph: RunningSubgraph;
  bus: EventBus;
  database: TestDatabase;
  stop(): Promise<void>;
}

/** One subgraph on a free port, over a fresh database and an in-process bus (tests only). */
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
  return {
    subgraph,
    bus,
    database: db,
    stop: async () => {
      await subgraph.close();
      await bus.close();
      if (!database) await db.drop();
    },
  };
}
