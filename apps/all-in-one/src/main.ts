import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
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
  const dataDir = config.LATTICE_DATA_DIR ?? join(root, '.data');
  // Known before anything starts: billing's Stripe simulator is told where to send webhooks.
  const port = config.PORT === 0 ? await freePort(config.HOST) : config.PORT;
  const lattice = await startLattice({
    databaseUrl: config.DATABASE_URL,
    dataDir,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    gatewayPort: port,
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
      // Without STRIPE_SECRET_KEY, billing's own Stripe simulator delivers its webhooks here.
      STRIPE_WEBHOOK_URL: `http://${config.HOST}:${port}/webhooks/stripe`,
      // Without SMTP_URL, mail goes to a local capture kept here (`npm run mail` shows it).
      MAIL_CAPTURE_DIR: join(dataDir, 'mail'),
      // Uploaded files, unless STORAGE_BACKEND=s3.
      STORAGE_DIR: join(dataDir, 'media'),
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
  Mail:                         ${process.env.SMTP_URL ? 'SMTP_URL' : `captured locally under ${join(dataDir, 'mail')}: npm run mail shows it`}
  Payments:                     ${process.env.STRIPE_SECRET_KEY ? 'Stripe' : 'the local Stripe simulator (nothing is charged)'}
  Files:                        ${process.env.STORAGE_BACKEND === 's3' ? `S3 bucket ${process.env.S3_BUCKET ?? ''}` : `stored under ${join(dataDir, 'media')}`}
Press Ctrl-C to stop.\n`);
  closeOnSignals(lattice, lattice.log);
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
