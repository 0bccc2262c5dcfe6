const RATE_LIMITS = { requests: 10_000, tokens: 30_000_000 };

/** OpenAI's headers on every API answer: request id, processing time, rate limits. */
export function standardHeaders(requestId: string, started: number, limited?: { resetSeconds: number }) {
  return {
    'x-request-id': requestId,
    'openai-version': '2020-10-01',
    'openai-processing-ms': String(Date.now() - started),
    'x-ratelimit-limit-requests': String(RATE_LIMITS.requests),
    'x-ratelimit-limit-tokens': String(RATE_LIMITS.tokens),
    'x-ratelimit-remaining-requests': String(limited ? 0 : RATE_LIMITS.requests - 1),
    'x-ratelimit-remaining-tokens': String(RATE_LIMITS.tokens),
    'x-ratelimit-reset-requests': limited ? `${limited.resetSeconds}s` : '6ms',
    'x-ratelimit-reset-tokens': '0s',
  };
}

export function failureHeaders(retryAfterSeconds: number | undefined): Record<string, string> {
  if (retryAfterSeconds === undefined) return {};
  return {
    'retry-after': String(Math.ceil(retryAfterSeconds)),
    'retry-after-ms': String(Math.round(retryAfterSeconds * 1000)),
  };
}
