import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis to test against (REDIS_URL), or undefined: tests then use in-process doubles of our own bus. */
export function testRedisUrl(): string | undefined {
  return process.env.REDIS_URL || undefined;
}

/** A key prefix no other test file uses, so files can share one Redis. */
export function uniqueRedisPrefix(label = 'test'): string {
  return `lattice-${label}-${randomBytes(5).toString('hex')}`;
}

/** Deletes every key under a prefix. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
