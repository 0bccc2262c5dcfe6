/**
 * The system under test for benchmarks: the whole supergraph in this process, on a fresh
 * database, printing its URLs as one JSON line on stdout. Stops on SIGTERM.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLattice } from '@lattice/all-in-one';
import { createTestDatabase } from '@lattice/testkit';

/** A fresh folder for an embedded PostgreSQL, open to its OS user when we run as root. */
function embeddedDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-bench-'));
  chmodSync(dir, 0o755); // mkdtemp makes it 0700
  return dir;
}

async function main(): Promise<void> {
  const database = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
  const lattice = await startLattice({
    databaseUrl: database?.url,
    dataDir: database ? undefined : embeddedDataDir(),
    redisUrl: process.env.REDIS_URL,
    redisPrefix: `lattice-bench-${process.pid}`,
    gatewayPort: 0,
    subgraphPorts: 'random',
    logLevel: 'warn',
    nodeEnv: 'production',
    supergraphPath: join(__dirname, '..', 'schema', 'supergraph.graphql'),
    // The load comes from one address with one token: rate limits would measure themselves.
    env: {
      RATE_LIMIT_USER_RPS: '1000000',
      RATE_LIMIT_USER_BURST: '1000000',
      RATE_LIMIT_IP_RPS: '1000000',
      RATE_LIMIT_IP_BURST: '1000000',
    },
  });
  const urls = Object.fromEntries(Object.values(lattice.subgraphs).map((s) => [s.name, s.url]));
  console.log(JSON.stringify({ gateway: lattice.gateway.url, subgraphs: urls }));
  process.once('SIGTERM', () => {
    void lattice
      .close()
      .then(() => database?.drop())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
