/**
 * The two serving processes: the bookings subgraph's own entry point, production mode, pinned to
 * CPU 0, one as deployed and one whose PostgreSQL connections have index scans turned off.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPinned, stopProcess } from '../pinned-process';

const BOOKINGS_DIR = join(__dirname, '..', '..', 'subgraphs', 'bookings');

export interface Side {
  key: 'indexed' | 'noindex';
  label: string;
  url: string;
  /** SUBGRAPH_SECRET: requests are signed with it, as the gateway signs them. */
  secret: string;
  child: ChildProcess;
  pid: number;
}

export const SIDES = {
  indexed: { label: 'GiST index (as deployed)', options: '-c max_parallel_workers_per_gather=0' },
  noindex: {
    label: 'no index (index, bitmap and index-only scans off)',
    options:
      '-c max_parallel_workers_per_gather=0 -c enable_indexscan=off -c enable_bitmapscan=off -c enable_indexonlyscan=off',
  },
} as const;

/** The application_name of a side's PostgreSQL connections. */
export const appName = (key: Side['key']) => `geo-bench-${key}`;

/** Every serving process started, for stopBookings. */
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bookings exited with ${child.exitCode}`);
    try {
      const response = await fetch(new URL('/health/ready', url));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`bookings at ${url} was not ready after 120 s`);
}

/**
 * The bookings subgraph's own entry point (runSubgraph), production mode, pinned to CPU 0.
 * Its pino log goes to stdout; the first line is all startPinned waits for, then /health/ready.
 */
export async function startBookings(key: Side['key'], databaseUrl: string, secret: string): Promise<Side> {
  const port = await freePort();
  const { child } = await startPinned(BOOKINGS_DIR, 'src/main.ts', '0', {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SUBGRAPH_SECRET: secret,
    // node-postgres reads both for every connection it opens (its pool's).
    PGOPTIONS: SIDES[key].options,
    PGAPPNAME: appName(key),
    // The janitor would find nothing to do; once at start-up is enough.
    BOOKINGS_JANITOR_INTERVAL_SECONDS: '3600',
    // Not called by a search: billing, identity's keys (anonymous requests), Redis (the in-process bus).
    BILLING_URL: '',
    JWKS_URL: '',
    REDIS_URL: '',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitReady(url, child);
  return { key, label: SIDES[key].label, url, secret, child, pid: child.pid! };
}

/** Stops every serving process started (SIGTERM, SIGKILL after 15 s) and waits until they have. */
export async function stopBookings(): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await stopProcess(child);
      clearTimeout(kill);
    }),
  );
}
