import type { BackoffRule } from './backoff';
import { memoryFailureCounters } from './memory-failure-counters';
import { redisFailureCounters } from './redis-failure-counters';

export interface CounterRule {
  key: string;
  rule: BackoffRule;
}

/**
 * Counters of failed sign-ins with progressive locks, shared by every replica through Redis
 * when configured, else in this process. Attempts are counted before the password is
 * checked, so concurrent attempts cannot all pass a check made before any was counted.
 */
export interface FailureCounters {
  /**
   * If none of the counters is locked, counts an attempt on every one of them, at once, and
   * answers 0; else counts nothing and answers the milliseconds until all are unlocked.
   */
  reserve(counters: CounterRule[]): Promise<number>;
  /** Takes back one counted attempt (it turned out not to be a failure). */
  release(key: string): Promise<void>;
  /** Forgets a counter entirely. */
  forget(key: string): Promise<void>;
  close(): Promise<void>;
}

export function createFailureCounters(options: { redisUrl?: string; prefix: string }): FailureCounters {
  return options.redisUrl
    ? redisFailureCounters(options.redisUrl, `${options.prefix}:login-failures:`)
    : memoryFailureCounters();
}
