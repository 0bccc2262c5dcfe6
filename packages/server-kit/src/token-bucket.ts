import { Redis } from 'ioredis';

export interface BucketRule {
  /** Tokens added per second (the sustained rate). */
  ratePerSecond: number;
  /** Bucket size (the burst allowed after a quiet period). */
  burst: number;
}

export interface BucketAnswer {
  allowed: boolean;
  /** Whole tokens left after this take. */
  remaining: number;
  /** Seconds until a token is available again (0 when allowed). */
  retryAfter: number;
}

/**
 * Token buckets keyed by caller: in Redis when configured (one bucket shared by every
 * gateway replica, refilled by Redis's own clock), else in this process.
 */
export interface TokenBuckets {
  take(key: string, rule: BucketRule): Promise<BucketAnswer>;
  close(): Promise<void>;
}

export function createTokenBuckets(options: { redisUrl?: string; prefix?: string }): TokenBuckets {
  return options.redisUrl
    ? redisBuckets(options.redisUrl, `${options.prefix ?? 'lattice'}:bucket:`)
    : memoryBuckets();
}

function refill(tokens: number, elapsedMs: number, rule: BucketRule): number {
  return Math.min(rule.burst, tokens + (elapsedMs * rule.ratePerSecond) / 1000);
}

function answer(tokens: number, rule: BucketRule): { next: number; answer: BucketAnswer } {
  if (tokens >= 1)
    return { next: tokens - 1, answer: { allowed: true, remaining: Math.floor(tokens - 1), retryAfter: 0 } };
  return {
    next: tokens,
    answer: {
      allowed: false,
      remaining: 0,
      retryAfter: Math.max(1, Math.ceil((1 - tokens) / rule.ratePerSecond)),
    },
  };
}

// Refill and take atomically in Redis, on Redis's clock (replicas' clocks may differ).
const TAKE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return { allowed, tostring(tokens) }
`;

function redisBuckets(url: string, prefix: string): TokenBuckets {
  const redis = new Redis(url, { connectionName: 'token-buckets', maxRetriesPerRequest: 2 });
  return {
    async take(key, rule) {
      const [allowed, tokens] = (await redis.eval(TAKE, 1, prefix + key, rule.ratePerSecond, rule.burst)) as [
        number,
        string,
      ];
      const left = Number(tokens);
      return allowed === 1
        ? { allowed: true, remaining: Math.floor(left), retryAfter: 0 }
        : {
            allowed: false,
            remaining: 0,
            retryAfter: Math.max(1, Math.ceil((1 - left) / rule.ratePerSecond)),
          };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function memoryBuckets(): TokenBuckets {
  const buckets = new Map<string, { tokens: number; ts: number }>();
  const sweep = setInterval(() => {
    const cutoff = Date.now() - 3600_000;
    for (const [key, bucket] of buckets) if (bucket.ts < cutoff) buckets.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    async take(key, rule) {
      const now = Date.now();
      const bucket = buckets.get(key) ?? { tokens: rule.burst, ts: now };
      const { next, answer: result } = answer(refill(bucket.tokens, now - bucket.ts, rule), rule);
      buckets.set(key, { tokens: next, ts: now });
      return result;
    },
    async close() {
      clearInterval(sweep);
      buckets.clear();
    },
  };
}
