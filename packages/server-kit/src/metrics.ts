import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { RouteHandler } from './http';
import { operationOutcome } from './operation-outcome';

/** Prometheus metrics of one service (gateway or subgraph), served at GET /metrics. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly operations: Counter<'operation' | 'type' | 'outcome'>;
  readonly operationSeconds: Histogram<'operation' | 'type'>;
  private readonly names = new Set<string>();
  private internal?: InternalRequestMetrics;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.operations = new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by name, type and outcome (success, error, invalid, refused).',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.operationSeconds = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its response.',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
  }

  /** Operation names become labels; past 500 distinct names the rest share `other`. */
  private label(operationName: string | null | undefined): string {
    if (!operationName) return 'anonymous';
    if (this.names.has(operationName)) return operationName;
    if (this.names.size >= 500) return 'other';
    this.names.add(operationName);
    return operationName;
  }

  /** The `/metrics` route. */
  route(): RouteHandler {
    return async (_req, res) => {
      const body = await this.registry.metrics();
      res.writeHead(200, { 'content-type': this.registry.contentType });
      res.end(body);
    };
  }

  /**
   * A request refused before its operation was even read (a bad token, a rate limit, a
   * caller that is not the gateway): `operation="unknown"`, `outcome="refused"`.
   */
  countRefusal(): void {
    this.operations.inc({ operation: 'unknown', type: 'unknown', outcome: 'refused' });
  }

  /**
   * Requests to a subgraph's internal routes (service to service, subgraph-kit's
   * internal-routes.ts): `internal_requests_total` by route and outcome (`success`, `error`:
   * the owner's decision was a refusal, `failure`: it could not decide, `refused`: no valid
   * signature), and `internal_request_duration_seconds` by route. Registered on first use,
   * so services without internal routes do not list them.
   */
  internalRequests(): InternalRequestMetrics {
    if (!this.internal) {
      const requests = new Counter({
        name: 'internal_requests_total',
        help: "Requests to this service's internal routes, by route and outcome (success, error, failure, refused).",
        labelNames: ['route', 'outcome'],
        registers: [this.registry],
      });
      const seconds = new Histogram({
        name: 'internal_request_duration_seconds',
        help: 'Time from receiving an internal request to sending its answer.',
        labelNames: ['route'],
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [this.registry],
      });
      this.internal = {
        observe: (route, outcome, durationSeconds) => {
          requests.inc({ route, outcome });
          if (outcome !== 'refused') seconds.observe({ route }, durationSeconds);
        },
      };
    }
    return this.internal;
  }

  /**
   * Records each operation's name, type, outcome (see operation-outcome.ts) and duration.
   * List it after plugins that change the response (the gateway's authorization), so that
   * it sees the response as sent.
   */
  plugin<T extends object>(): ApolloServerPlugin<T> {
    const { operations, operationSeconds } = this;
    const label = (name: string | null | undefined) => this.label(name);
    return {
      // Apollo answers at once when the context cannot be built (UNAUTHENTICATED, RATE_LIMITED).
      contextCreationDidFail: async () => this.countRefusal(),
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse({ operationName, operation, errors, response }) {
            // Only names the client chose; anonymous operations share one label.
            const name = operation ? label(operationName) : 'invalid';
            const type = operation?.operation ?? 'unknown';
            const sent = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            const outcome = operationOutcome(Boolean(operation), sent?.length ? sent : errors);
            operations.inc({ operation: name, type, outcome });
            operationSeconds.observe(
              { operation: name, type },
              Number(process.hrtime.bigint() - started) / 1e9,
            );
          },
        };
      },
    };
  }
}

export interface InternalRequestMetrics {
  observe(route: string, outcome: 'success' | 'error' | 'failure' | 'refused', seconds: number): void;
}
