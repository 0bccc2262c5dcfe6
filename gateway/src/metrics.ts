import { Counter, Gauge, Histogram } from 'prom-client';
import { ServiceMetrics } from '@lattice/server-kit';

/** The gateway's metrics: the common ones plus what each subgraph fetch and pass-through costs. */
export class GatewayMetrics extends ServiceMetrics {
  readonly subgraphFetchSeconds = new Histogram({
    name: 'subgraph_fetch_duration_seconds',
    help: 'Time of each fetch the gateway sends to a subgraph.',
    labelNames: ['subgraph'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly subgraphFetchErrors = new Counter({
    name: 'subgraph_fetch_errors_total',
    help: 'Subgraph fetches that failed (network error or non-2xx answer).',
    labelNames: ['subgraph'],
    registers: [this.registry],
  });
  readonly subgraphFetchRetries = new Counter({
    name: 'subgraph_fetch_retries_total',
    help: 'Subgraph fetches sent again after a network error, a timeout or a 502/503/504 answer.',
    labelNames: ['subgraph'],
    registers: [this.registry],
  });
  readonly subgraphCircuitState = new Gauge({
    name: 'subgraph_circuit_state',
    help: "State of each subgraph's circuit breaker: 0 closed, 1 half-open, 2 open.",
    labelNames: ['subgraph'],
    registers: [this.registry],
  });
  readonly passThroughRequests = new Counter({
    name: 'subgraph_pass_through_requests_total',
    help:
      "Requests streamed to a subgraph's HTTP routes (SUBGRAPH_PATHS), by outcome: the status class " +
      'answered (2xx...5xx), unavailable (502), timeout (idle, 504) or aborted (a side hung up midway).',
    labelNames: ['subgraph', 'outcome'],
    registers: [this.registry],
  });
  readonly passThroughBytes = new Counter({
    name: 'subgraph_pass_through_bytes_total',
    help: "Body bytes streamed to (upload) and from (download) a subgraph's HTTP routes.",
    labelNames: ['subgraph', 'direction'],
    registers: [this.registry],
  });

  constructor() {
    super('gateway');
  }
}
