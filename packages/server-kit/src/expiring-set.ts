import { Redis } from 'ioredis';

/**
 * Strings that each expire at their own time, shared by every replica: a Redis sorted set
 * scored by expiry when configured, else a map in this process.
 */
export interface ExpiringSet {
  /** Adds a member (again), kept until `expiresAt` (ms since the epoch). */
  add(member: string, expiresAt: number): Promise<void>;
  /** The members that have not expired yet. */
  members(): Promise<string[]>;
  close(): Promise<void>;
}

export function createExpiringSet(options: {
  redisUrl?: string;
  /** The Redis key (prefix included). */
  key: string;
  onError?: (error: unknown) => void;
}): ExpiringSet {
  return options.redisUrl ? redisSet(options.redisUrl, options.key, options.onError) : memorySet();
}

function redisSet(url: string, key: string, onError?: (error: unknown) => void): ExpiringSet {
  const redis = new Redis(url, { connectionName: 'expiring-set', maxRetriesPerRequest: 2 });
  if (onError) redis.on('error', onError);
  return {
    async add(member, expiresAt) {
      // Expired members are dropped as new ones come: the set never outgrows one expiry window.
      await redis.multi().zadd(key, expiresAt, member).zremrangebyscore(key, '-inf', Date.now()).exec();
    },
    members: () => redis.zrangebyscore(key, `(${Date.now()}`, '+inf'),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function memorySet(): ExpiringSet {
  const expiries = new Map<string, number>();
  return {
    async add(member, expiresAt) {
      expiries.set(member, expiresAt);
    },
    async members() {
      const now = Date.now();
      for (const [member, expiresAt] of expiries) if (expiresAt <= now) expiries.delete(member);
      return [...expiries.keys()];
    },
    async close() {
      expiries.clear();
    },
  };
}
