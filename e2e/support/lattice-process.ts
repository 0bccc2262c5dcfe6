/**
 * A second Lattice (every subgraph and a gateway) in its own OS process, on the same
 * PostgreSQL and Redis as the test's: what a second machine of a scaled-out deployment runs.
 * Prints `{"gatewayUrl": …}` once ready; SIGTERM stops it.
 */
import { startLattice } from '@lattice/all-in-one';
import { SUPERGRAPH } from './test-lattice';

async function main() {
  const lattice = await startLattice({
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    redisPrefix: process.env.REDIS_PREFIX,
    gatewayPort: 0,
    subgraphPorts: 'random',
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    nodeEnv: 'test',
    supergraphPath: SUPERGRAPH,
  });
  process.stdout.write(`${JSON.stringify({ gatewayUrl: lattice.gateway.url })}\n`);
  process.once('SIGTERM', () => {
    void lattice.close().then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
