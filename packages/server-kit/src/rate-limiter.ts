import { Redis } from 'ioredis';

export interface RateRule {
  limit: number;
  windowSeconds: number;
}

export interface RateState {
  /** Whether one more hit is within the rule. */
  allowed: boolean;
  /** Seconds until the window resets (0 when allowed). */
  retryAfter: number;
}

/**
 * Fixed-window counters: in Redis when configured (shared by every replica), else in this
 * process. Keys are namespaced by the caller (`login:account:<email>`).
 */
export interface RateLimiter {
  /** Whether `key` is still under the rule, without counting a hit. */
  check(key: string, rule: RateRule): Promise<RateState>;
  /** Counts a hit; the answer includes it. */
  hit(key: string, rule: RateRule): Promise<RateState>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export function createRateLimiter(options: { redisUrl?: string; prefix?: string }): RateLimiter {
  return options.redisUrl
    ? redisLimiter(options.redisUrl, `${options.prefix ?? 'lattice'}:rate:`)
    : memoryLimiter();
}

const state = (count: number, rule: RateRule, ttlSeconds: number): RateState =>
  count < rule.limit
    ? { allowed: true, retryAfter: 0 }
    : { allowed: false, retryAfter: Math.max(1, ttlSeconds) };

function redisLimiter(url: string, prefix: string): RateLimiter {
  const redis = new Redis(url, {
    connectionName: 'rate-limiter',
    maxRetriesPerRequest: 2,
    lazyConnect: false,
  });
  return {
    async check(key, rule) {
      const [count, ttl] = await redis
        .multi()
        .get(prefix + key)
        .ttl(prefix + key)
        .exec()
        .then(results);
      return state(Number(count ?? 0), rule, Number(ttl));
    },
    async hit(key, rule) {
      const [, count, ttl] = await redis
        .multi()
        .set(prefix + key, 0, 'EX', rule.windowSeconds, 'NX')
        .incr(prefix + key)
        .ttl(prefix + key)
        .exec()
        .then(results);
      return state(Number(count) - 1, rule, Number(ttl));
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function results(replies: [Error | null, unknown][] | null): unknown[] {
  if (!replies) throw new Error('Redis transaction aborted');
  return replies.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

function memoryLimiter(): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (key: string) => {
    const window = windows.get(key);
    if (window && window.resetAt <= Date.now()) {
      windows.delete(key);
      return undefined;
    }
    return window;
  };
  const ttl = (window: { resetAt: number }) => Math.ceil((window.resetAt - Date.now()) / 1000);
  return {
    async check(key, rule) {
      const window = current(key);
      return window ? state(window.count, rule, ttl(window)) : state(0, rule, 0);
    },
    async hit(key, rule) {
      let window = current(key);
      if (!window) windows.set(key, (window = { count: 0, resetAt: Date.now() + rule.windowSeconds * 1000 }));
      window.count += 1;
      return state(window.count - 1, rule, ttl(window));
    },
    async reset(key) {
      windows.delete(key);
    },
    async close() {
      windows.clear();
    },
  };
}
