import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
// A relative import: global setup runs outside Jest's resolver (no lattice-source condition).
import { startEmbeddedPostgres } from '../../embedded-db/src';

/**
 * Jest global setup: tests use the PostgreSQL named by DATABASE_URL; when it is unset, a
 * throwaway embedded PostgreSQL is started for this run and removed afterwards. Redis is
 * REDIS_URL, else a Redis on the default local port if one answers.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.REDIS_URL && (await answersPing(LOCAL_REDIS))) process.env.REDIS_URL = LOCAL_REDIS;
  if (process.env.DATABASE_URL) return;
  const dataDir = join(tmpdir(), `lattice-test-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  const pg = await startEmbeddedPostgres({ dataDir });
  process.env.DATABASE_URL = pg.url;
  (globalThis as { __latticeEmbedded?: () => Promise<void> }).__latticeEmbedded = async () => {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

const LOCAL_REDIS = 'redis://127.0.0.1:6379';

async function answersPing(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 500,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
