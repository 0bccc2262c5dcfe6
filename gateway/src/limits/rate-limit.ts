import { HeaderMap } from '@apollo/server';
import { type BucketRule, ErrorCode, type TokenBuckets, UserError, type Viewer } from '@lattice/server-kit';

export interface RateLimits {
  perUser: BucketRule;
  perIp: BucketRule;
}

/** What the response's RateLimit headers say. */
export interface RateInfo {
  limit: number;
  remaining: number;
}

/**
 * Every request takes a token from its client IP's bucket, and a signed-in one also from its
 * user's bucket (shared by all gateway replicas through Redis). An empty bucket refuses the
 * request with RATE_LIMITED, HTTP 429 and Retry-After, before any subgraph is called.
 */
export function createRateGuard(buckets: TokenBuckets, limits: RateLimits) {
  return async (viewer: Viewer | null, ip: string | undefined): Promise<RateInfo> => {
    const takes: Array<[string, BucketRule]> = [[`ip:${ip ?? 'unknown'}`, limits.perIp]];
    if (viewer) takes.push([`user:${viewer.id}`, limits.perUser]);
    let tightest: RateInfo = { limit: Infinity, remaining: Infinity };
    for (const [key, rule] of takes) {
      const answer = await buckets.take(key, rule);
      if (!answer.allowed) {
        const headers = new HeaderMap([
          ['retry-after', String(answer.retryAfter)],
          ['ratelimit-limit', String(rule.burst)],
          ['ratelimit-remaining', '0'],
        ]);
        throw new UserError(ErrorCode.RateLimited, `Too many requests; retry in ${answer.retryAfter}s`, {
          retryAfter: answer.retryAfter,
          http: { status: 429, headers },
        });
      }
      if (answer.remaining < tightest.remaining)
        tightest = { limit: rule.burst, remaining: answer.remaining };
    }
    return tightest;
  };
}
