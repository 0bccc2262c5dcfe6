import { join } from 'node:path';
import { z } from 'zod';
import { findRepositoryRoot } from '@lattice/manifest';
import { closeOnSignals, ConfigError, parseEnv } from '@lattice/server-kit';
import { startLattice } from './lattice';

/** `npm start`: the whole supergraph in one process, configured from the environment. */
const env = z.object({
  DATABASE_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  REDIS_PREFIX: z.string().default('lattice'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.string().default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LATTICE_DATA_DIR: z.string().optional(),
  SUBGRAPH_PORTS: z.enum(['default', 'random']).default('default'),
});

async function main(): Promise<void> {
  const config = parseEnv(env);
  const root = findRepositoryRoot(__dirname);
  const lattice = await startLattice({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.LATTICE_DATA_DIR ?? join(root, '.data'),
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    gatewayPort: config.PORT,
    subgraphPorts: config.SUBGRAPH_PORTS,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    nodeEnv: config.NODE_ENV,
    supergraphPath: join(root, 'schema', 'supergraph.graphql'),
    // The typed client's registered operations: clients may send their hash alone.
    env: {
      PERSISTED_OPERATIONS_PATH: join(
        root,
        'packages',
        'client',
        'src',
        '__generated__',
        'persisted-documents.json',
      ),
      ...process.env,
    },
  });
  console.log(`\nLattice is running
  GraphQL (HTTP and WebSocket): ${lattice.gateway.url}
  Health:                       ${new URL('/health/ready', lattice.gateway.url)}
  Subgraphs:                    ${Object.values(lattice.subgraphs)
    .map((s) => `${s.name} ${s.url}`)
    .join(', ')}
  Database:                     ${config.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL under .data/'}
  Event bus:                    ${lattice.bus.kind}
Press Ctrl-C to stop.\n`);
  closeOnSignals(lattice, lattice.log);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
