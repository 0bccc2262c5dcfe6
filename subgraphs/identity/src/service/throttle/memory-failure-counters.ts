import { lockMs } from './backoff';
import type { FailureCounters } from './failure-counters';

interface Counter {
  failures: number;
  lastAt: number;
  expiresAt: number;
}

/** Failure counters in this process (no Redis: a single replica). Each call is atomic. */
export function memoryFailureCounters(): FailureCounters {
  const counters = new Map<string, Counter>();
  const live = (key: string, now: number) => {
    const counter = counters.get(key);
    if (counter && counter.expiresAt <= now) counters.delete(key);
    return counters.get(key);
  };
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, counter] of counters) if (counter.expiresAt <= now) counters.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    async reserve(rules) {
      const now = Date.now();
      let wait = 0;
      for (const { key, rule } of rules) {
        const counter = live(key, now);
        if (counter) wait = Math.max(wait, counter.lastAt + lockMs(counter.failures, rule) - now);
      }
      if (wait > 0) return wait;
      for (const { key, rule } of rules) {
        const failures = (live(key, now)?.failures ?? 0) + 1;
        counters.set(key, { failures, lastAt: now, expiresAt: now + lockMs(failures, rule) + rule.memoryMs });
      }
      return 0;
    },
    async release(key) {
      const counter = live(key, Date.now());
      if (counter && counter.failures > 0) counter.failures -= 1;
    },
    async forget(key) {
      counters.delete(key);
    },
    async close() {
      clearInterval(sweep);
      counters.clear();
    },
  };
}
