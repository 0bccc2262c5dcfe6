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

type Body = () => void;

/**
 * `describe` for a suite that needs Redis. Without REDIS_URL it is skipped, its name saying
 * why, except in CI (`CI=true`), where a missing Redis fails instead of passing quietly.
 */
export function describeWithRedis(name: string, body: Body): void {
  if (testRedisUrl()) describe(name, body);
  else if (process.env.CI === 'true') describe(name, () => it('needs Redis', missingRedisInCi));
  else describe.skip(`${name} (skipped: REDIS_URL is not set)`, body);
}

/** `it` for a test that needs Redis, skipped or failed as `describeWithRedis` says. */
export function itWithRedis(name: string, body: () => Promise<unknown>, timeout?: number): void {
  if (testRedisUrl()) it(name, body, timeout);
  else if (process.env.CI === 'true') it(`${name} (needs Redis)`, missingRedisInCi);
  else it.skip(`${name} (skipped: REDIS_URL is not set)`, body, timeout);
}

function missingRedisInCi(): never {
  throw new Error('REDIS_URL is not set: CI runs every suite that needs Redis');
}
