import OpenAI from 'openai';

/** Why a provider call failed, as a stable code (events, `Message.error`). */
export type ProviderFailure = 'timeout' | 'rate_limited' | 'provider_error' | 'stream_cut' | 'refused';

export function failureOf(error: unknown): ProviderFailure {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof OpenAI.RateLimitError) return 'rate_limited';
  if (
    error instanceof OpenAI.APIError &&
    error.status !== undefined &&
    error.status < 500 &&
    error.status !== 408
  )
    return 'refused';
  return 'provider_error';
}

/** How long to wait before trying again, or undefined when a retry would not help. */
export function retryDelayMs(error: unknown, attempt: number): number | undefined {
  const backoff = Math.min(500 * 2 ** attempt, 8_000) * (0.5 + Math.random() / 2);
  if (error instanceof OpenAI.APIConnectionError) return backoff; // timeouts included
  if (!(error instanceof OpenAI.APIError) || error.status === undefined) return undefined;
  if (error.status === 429) {
    const retryAfter = Number(error.headers?.get('retry-after'));
    // A wait longer than half a minute is reported, not slept through.
    if (Number.isFinite(retryAfter) && retryAfter > 30) return undefined;
    return Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : backoff;
  }
  return error.status === 408 || error.status >= 500 ? backoff : undefined;
}

/** Runs `call` and retries it while `retryDelayMs` says so, up to `maxRetries` times. */
export async function withRetries<T>(
  call: () => Promise<T>,
  maxRetries: number,
  signal: AbortSignal,
  onRetry?: (error: unknown, attempt: number) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = retryDelayMs(error, attempt);
      if (wait === undefined || attempt >= maxRetries || signal.aborted) throw error;
      onRetry?.(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** A human sentence for a failure code. */
export function describeFailure(failure: ProviderFailure | 'interrupted'): string {
  switch (failure) {
    case 'timeout':
      return 'The provider did not answer in time';
    case 'rate_limited':
      return 'The provider is rate limiting requests; try again shortly';
    case 'stream_cut':
      return 'The provider stopped in the middle of the reply';
    case 'refused':
      return 'The provider refused the request';
    case 'interrupted':
      return 'The reply was interrupted (the service restarted); send the message again or regenerate';
    default:
      return 'The provider failed; try again';
  }
}
