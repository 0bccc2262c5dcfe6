import { setTimeout as sleep } from 'node:timers/promises';
import { CircuitBreaker } from './circuit-breaker';
import type { GatewayMetrics } from '../metrics';

/** How the gateway protects itself from slow or failing subgraphs (SUBGRAPH_* / CIRCUIT_* settings). */
export interface ResilienceOptions {
  /** A subgraph fetch that takes longer is aborted and counted as a failure. */
  timeoutMs: number;
  /** Extra attempts of a query fetch after a network error, a timeout or a 502/503/504. */
  retries: number;
  /** Consecutive failed fetches that open a subgraph's circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses fetches before letting one probe through. */
  resetMs: number;
  /** First retry delay; doubled at each retry, with ±25% jitter. */
  backoffMs?: number;
}

export const defaultResilience: ResilienceOptions = {
  timeoutMs: 10_000,
  retries: 2,
  failureThreshold: 5,
  resetMs: 5_000,
  backoffMs: 50,
};

/** An attempt that took longer than the timeout (its HTTP request has been aborted). */
export class SubgraphTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Subgraph fetch timed out after ${timeoutMs} ms`);
    this.name = 'SubgraphTimeoutError';
  }
}

/**
 * The result of a protected fetch: the subgraph's answer, or why there is none (`open`: the
 * circuit refused it without any network call; `failed`: every attempt failed).
 */
export type FetchOutcome<T> =
  { ok: true; value: T } | { ok: false; reason: 'open' | 'failed'; error?: unknown };

/**
 * Judges a failed attempt. `unavailable`: the subgraph could not answer (network error,
 * timeout, 5xx, unreadable body) — a circuit failure, reported as SUBGRAPH_UNAVAILABLE.
 * `retryable`: worth sending again (network errors, timeouts, 502/503/504). Anything else
 * (a 4xx answer) proves the subgraph is up and is thrown as it was. A 4xx carrying GraphQL
 * errors never gets here: it is the subgraph's answer (its refusal of the client's input),
 * which the data source passes on to the client (see data-source.ts).
 */
export function classifyFailure(error: unknown): { unavailable: boolean; retryable: boolean } {
  if (error instanceof SubgraphTimeoutError || (error as Error | null)?.name === 'AbortError') {
    return { unavailable: true, retryable: true };
  }
  const extensions = (error as { extensions?: { response?: { status?: unknown } } } | null)?.extensions;
  if (extensions) {
    // A GraphQLError made by RemoteGraphQLDataSource from a non-2xx answer.
    const status = extensions.response?.status;
    if (typeof status !== 'number') return { unavailable: false, retryable: false };
    return { unavailable: status >= 500, retryable: [502, 503, 504].includes(status) };
  }
  const { type, code } = (error ?? {}) as { type?: unknown; code?: unknown };
  // Node's socket errors (ECONNREFUSED, ECONNRESET...): subgraphs are called over node:http.
  const network = type === 'system' || (typeof code === 'string' && /^E[A-Z_]+$/.test(code));
  return { unavailable: true, retryable: network };
}

/** Retry delay before attempt `retry + 1`: `base · 2^(retry-1)`, ±25% jitter. */
export function backoffDelay(retry: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(baseMs * 2 ** (retry - 1) * (0.75 + random() * 0.5));
}

/** Runs one attempt with its own abort signal, which fires (and the attempt fails) at the timeout. */
function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  // One promise settled by whichever comes first (no Promise.race, no second promise per fetch).
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new SubgraphTimeoutError(timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    const settle = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(error);
    };
    try {
      run(controller.signal).then(settle, fail);
    } catch (error) {
      fail(error);
    }
  });
}

/**
 * Timeouts, retries and one circuit breaker per subgraph, shared by every data source of a
 * gateway (data sources are rebuilt when the supergraph changes; breakers outlive them).
 */
export class SubgraphResilience {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly options: Required<ResilienceOptions>;

  constructor(
    options: ResilienceOptions,
    private readonly metrics: GatewayMetrics,
  ) {
    this.options = { ...defaultResilience, ...options } as Required<ResilienceOptions>;
  }

  breakerFor(subgraph: string): CircuitBreaker {
    let breaker = this.breakers.get(subgraph);
    if (!breaker) {
      breaker = new CircuitBreaker({
        failureThreshold: this.options.failureThreshold,
        resetMs: this.options.resetMs,
        onStateChange: (state) => this.metrics.subgraphCircuitState.set({ subgraph }, state),
      });
      this.breakers.set(subgraph, breaker);
    }
    return breaker;
  }

  /**
   * Runs `attempt` (one HTTP exchange with the subgraph) under the subgraph's breaker, each
   * try cut at the timeout (its `signal` aborts then). Only `retry: true` fetches (queries) are tried again, and never
   * the half-open probe. A failure that is not the subgraph's unavailability (a 4xx) is
   * thrown as it was.
   */
  async call<T>(
    subgraph: string,
    retry: boolean,
    attempt: (signal: AbortSignal) => Promise<T>,
  ): Promise<FetchOutcome<T>> {
    const breaker = this.breakerFor(subgraph);
    const admission = breaker.admit();
    if (admission === 'reject') return { ok: false, reason: 'open' };
    const attempts = retry && admission === 'call' ? 1 + this.options.retries : 1;
    for (let tried = 1; ; tried += 1) {
      try {
        const value = await withTimeout(attempt, this.options.timeoutMs);
        breaker.succeeded();
        return { ok: true, value };
      } catch (error) {
        const { unavailable, retryable } = classifyFailure(error);
        if (!unavailable) {
          breaker.succeeded();
          throw error;
        }
        if (retryable && tried < attempts && !breaker.isOpen) {
          await sleep(backoffDelay(tried, this.options.backoffMs));
          if (!breaker.isOpen) {
            this.metrics.subgraphFetchRetries.inc({ subgraph });
            continue;
          }
        }
        breaker.failed();
        return { ok: false, reason: 'failed', error };
      }
    }
  }
}
