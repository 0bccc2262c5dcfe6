/** One kind of request of the load: how to make it and what a success is. */
export interface LoadOperation {
  name: string;
  /** Workers running this operation one request after another. */
  workers: number;
  /** Pause between two requests of one worker (ms). */
  pauseMs: number;
  body: () => { query: string; variables?: Record<string, unknown> };
  token?: () => string | undefined;
  /** Throws (or returns false) when the response's data is not what a success gives. */
  check: (data: any) => boolean;
  /** Called with each successful response's data (e.g. to keep the ids it created). */
  onSuccess?: (data: any) => void;
}

export interface LoadFigures {
  requests: number;
  failures: number;
  byOperation: Record<string, { requests: number; failures: number }>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ratePerSecond: number;
  /** The first few failures, described. */
  failureSamples: string[];
}

/**
 * A steady load of GraphQL POSTs on `url` (each worker: a request, its answer, a pause), counting
 * every request that is not a complete success: a network error, a status other than 200,
 * any `errors`, or data its operation's check refuses. Nothing is retried.
 */
export function startMixedLoad(url: string, operations: LoadOperation[]) {
  const latencies: number[] = [];
  const byOperation: LoadFigures['byOperation'] = {};
  const failureSamples: string[] = [];
  let stopped = false;
  const startedAt = Date.now();

  const once = async (operation: LoadOperation) => {
    const counts = (byOperation[operation.name] ??= { requests: 0, failures: 0 });
    const started = performance.now();
    let failure: string | undefined;
    try {
      const token = operation.token?.();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(operation.body()),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      const json = JSON.parse(text) as { data?: unknown; errors?: unknown };
      if (response.status !== 200 || json.errors || !operation.check(json.data)) {
        failure = `${response.status} ${text.slice(0, 300)}`;
      } else {
        operation.onSuccess?.(json.data);
      }
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      failure = `${String(error)}${cause ? ` (${String(cause)})` : ''}`;
    }
    latencies.push(performance.now() - started);
    counts.requests += 1;
    if (failure) {
      counts.failures += 1;
      if (failureSamples.length < 10) failureSamples.push(`${operation.name}: ${failure}`);
    }
  };

  const worker = async (operation: LoadOperation) => {
    while (!stopped) {
      await once(operation);
      await new Promise((resolve) => setTimeout(resolve, operation.pauseMs));
    }
  };
  const workers = operations.flatMap((operation) =>
    Array.from({ length: operation.workers }, () => worker(operation)),
  );

  const figures = (): LoadFigures => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    const totals = Object.values(byOperation);
    const requests = totals.reduce((sum, counts) => sum + counts.requests, 0);
    return {
      requests,
      failures: totals.reduce((sum, counts) => sum + counts.failures, 0),
      byOperation,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: Math.round(sorted.at(-1) ?? 0),
      ratePerSecond: Math.round((requests / (Date.now() - startedAt)) * 1000),
      failureSamples,
    };
  };

  return {
    figures,
    /** Lets every request in flight finish, then returns the figures. */
    stop: async (): Promise<LoadFigures> => {
      stopped = true;
      await Promise.all(workers);
      return figures();
    },
  };
}
