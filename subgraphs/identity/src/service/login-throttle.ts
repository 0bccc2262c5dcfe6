import { rateLimited } from '@lattice/server-kit';
import type { BackoffRule } from './throttle/backoff';
import { addressKey } from './throttle/address-key';
import type { FailureCounters } from './throttle/failure-counters';
import type { IdentitySettings } from './settings';
import { sha256 } from './tokens';

/** A password check that was allowed; it counts as a failure unless it `succeeded`. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * Throttles password sign-in per (account, client address) and per client address, with
 * locks that grow with consecutive failures. Nothing is counted per account alone: whoever
 * guesses from one place cannot lock the owner out of signing in from another.
 */
export class LoginThrottle {
  private readonly perAccountAndAddress: BackoffRule;
  private readonly perAddress: BackoffRule;

  constructor(
    private readonly counters: FailureCounters,
    settings: IdentitySettings,
  ) {
    const backoff = {
      firstLockMs: settings.loginLockSeconds * 1000,
      maxLockMs: settings.loginMaxLockSeconds * 1000,
      memoryMs: settings.loginWindowSeconds * 1000,
    };
    this.perAccountAndAddress = { free: settings.loginFailuresPerAccount, ...backoff };
    this.perAddress = { free: settings.loginFailuresPerIp, ...backoff };
  }

  /**
   * Reserves one password check for this email from this address, counted as a failure
   * from now on, or throws RATE_LIMITED (with `retryAfter`) while either is locked.
   */
  async begin(email: string, ip: string | undefined): Promise<LoginAttempt> {
    const address = addressKey(ip);
    const pair = `pair:${sha256(email)}:${address}`;
    const from = `address:${address}`;
    const waitMs = await this.counters.reserve([
      { key: pair, rule: this.perAccountAndAddress },
      { key: from, rule: this.perAddress },
    ]);
    if (waitMs > 0) throw rateLimited(Math.ceil(waitMs / 1000));
    return {
      succeeded: async () => {
        await Promise.all([this.counters.forget(pair), this.counters.release(from)]);
      },
    };
  }
}
