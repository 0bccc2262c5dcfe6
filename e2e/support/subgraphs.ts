import { type RunningSubgraph, type SubgraphDefinition, startSubgraph } from '@lattice/subgraph-kit';
import { testRedisUrl } from '@lattice/testkit';
import type { TestLattice } from './test-lattice';

/**
 * Starts a subgraph the way the lattice runs its own, on `port` (the port of one a test
 * stopped, so the gateway finds it again): a subgraph coming back after a crash or restart.
 */
export function startLatticeSubgraph<R, L>(
  lattice: TestLattice,
  definition: SubgraphDefinition<R, L>,
  port: number,
): Promise<RunningSubgraph> {
  return startSubgraph(
    definition,
    {
      nodeEnv: 'test',
      logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
      host: '127.0.0.1',
      port,
      databaseUrl: lattice.databaseUrl,
      redisUrl: testRedisUrl(),
      redisPrefix: lattice.redisPrefix,
      jwksUrl: new URL('/.well-known/jwks.json', lattice.subgraphs.identity!.url).toString(),
      maxBodyBytes: 1_048_576,
      env: {},
    },
    {
      bus: lattice.bus,
      otherSchemas: Object.keys(lattice.subgraphs).filter((name) => name !== definition.name),
    },
  );
}
