import { Redis } from 'ioredis';
import type { FailureCounters } from './failure-counters';

// The memory implementation's reserve, in one script: checking and counting every key is one
// atomic step, on Redis's clock (replicas' clocks may differ). The lock is backoff.ts's lockMs.
const RESERVE = `
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local function lock(failures, i)
  local free, first, max = tonumber(ARGV[i]), tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  if failures < free then return 0 end
  return math.floor(math.min(max, first * 2 ^ (failures - free)))
end
local counted, wait = {}, 0
for k, key in ipairs(KEYS) do
  local state = redis.call('HMGET', key, 'failures', 'lastAt')
  counted[k] = tonumber(state[1]) or 0
  local lastAt = tonumber(state[2]) or 0
  wait = math.max(wait, lastAt + lock(counted[k], (k - 1) * 4 + 1) - now)
end
if wait > 0 then return wait end
for k, key in ipairs(KEYS) do
  local failures = counted[k] + 1
  redis.call('HSET', key, 'failures', failures, 'lastAt', now)
  redis.call('PEXPIRE', key, lock(failures, (k - 1) * 4 + 1) + tonumber(ARGV[(k - 1) * 4 + 4]))
end
return 0
`;

const RELEASE = `
if (tonumber(redis.call('HGET', KEYS[1], 'failures')) or 0) > 0 then
  redis.call('HINCRBY', KEYS[1], 'failures', -1)
end
return 0
`;

/** Failure counters in Redis hashes (`failures`, `lastAt`), shared by every replica. */
export function redisFailureCounters(url: string, prefix: string): FailureCounters {
  const redis = new Redis(url, { connectionName: 'login-failures', maxRetriesPerRequest: 2 });
  return {
    async reserve(rules) {
      const keys = rules.map(({ key }) => prefix + key);
      const args = rules.flatMap(({ rule }) => [rule.free, rule.firstLockMs, rule.maxLockMs, rule.memoryMs]);
      return Number(await redis.eval(RESERVE, keys.length, ...keys, ...args));
    },
    async release(key) {
      await redis.eval(RELEASE, 1, prefix + key);
    },
    async forget(key) {
      await redis.del(prefix + key);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
