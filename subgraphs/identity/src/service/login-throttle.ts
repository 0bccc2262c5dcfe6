import { rateLimited, type RateLimiter, type RateRule } from '@lattice/server-kit';
import type { IdentitySettings } from './settings';

/**
 * Counts failed sign-ins per account and per client IP. When either is over its limit,
 * sign-in is refused with RATE_LIMITED before the password is even checked.
 */
export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly settings: IdentitySettings,
  ) {}

  private rules(email: string, ip: string | undefined): Array<[string, RateRule]> {
    const windowSeconds = this.settings.loginWindowSeconds;
    const rules: Array<[string, RateRule]> = [
      [`login:account:${email}`, { limit: this.settings.loginFailuresPerAccount, windowSeconds }],
    ];
    if (ip) rules.push([`login:ip:${ip}`, { limit: this.settings.loginFailuresPerIp, windowSeconds }]);
    return rules;
  }

  async assertAllowed(email: string, ip: string | undefined): Promise<void> {
    for (const [key, rule] of this.rules(email, ip)) {
      const state = await this.limiter.check(key, rule);
      if (!state.allowed) throw rateLimited(state.retryAfter);
    }
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    await Promise.all(this.rules(email, ip).map(([key, rule]) => this.limiter.hit(key, rule)));
  }

  async recordSuccess(email: string): Promise<void> {
    await this.limiter.reset(`login:account:${email}`);
  }
}
