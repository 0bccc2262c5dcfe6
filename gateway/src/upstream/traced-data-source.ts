import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { context, createContextKey, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { errorType, injectTraceContext } from '@lattice/server-kit';
import type { GatewayContext } from '../context';
import { SubgraphDataSource } from './data-source';

// Counts the HTTP attempts (retries included) made within one subgraph fetch span.
const ATTEMPTS = createContextKey('lattice.subgraph.attempts');

type WillSendRequestOptions = Parameters<SubgraphDataSource['willSendRequest']>[0];

/**
 * A subgraph data source that traces (used only when tracing is on): one CLIENT span per
 * subgraph fetch, child of @apollo/gateway's `gateway.fetch` span, with the subgraph's name,
 * the operation sent, the number of retries and the outcome; every attempt carries the span's
 * W3C `traceparent`, so the subgraph's request span continues the trace. Nothing of the
 * request (variables, headers, token) is recorded.
 */
export class TracedSubgraphDataSource extends SubgraphDataSource {
  private readonly name: string;
  private readonly target: string;

  constructor(
    private readonly tracer: Tracer,
    options: ConstructorParameters<typeof SubgraphDataSource>[0],
  ) {
    super(options);
    this.name = options.subgraph;
    this.target = options.url;
  }

  override willSendRequest(options: WillSendRequestOptions): void {
    super.willSendRequest(options);
    const headers = options.request.http?.headers;
    if (!headers) return;
    const attempts = context.active().getValue(ATTEMPTS) as { count: number } | undefined;
    if (attempts) attempts.count += 1;
    injectTraceContext(headers);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Health checks and schema loading are not traced.
    if (!('incomingRequestContext' in options)) return super.process(options);
    const operationName = options.request.operationName;
    const span = this.tracer.startSpan(`subgraph ${this.name}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'subgraph.name': this.name,
        'server.address': this.target,
        ...(operationName ? { 'graphql.operation.name': operationName } : {}),
      },
    });
    const attempts = { count: 0 };
    const active = trace.setSpan(context.active(), span).setValue(ATTEMPTS, attempts);
    try {
      const response = await context.with(active, () => super.process(options));
      const codes = response.errors?.map((error) => String(error.extensions?.code ?? 'UNKNOWN')) ?? [];
      const unavailable = codes.includes('SUBGRAPH_UNAVAILABLE');
      const outcome = unavailable
        ? attempts.count === 0
          ? 'circuit_open'
          : 'unavailable'
        : codes.length
          ? 'error'
          : 'success';
      span.setAttribute('lattice.outcome', outcome);
      if (codes.length) span.setAttribute('graphql.error.codes', [...new Set(codes)]);
      if (unavailable) span.setStatus({ code: SpanStatusCode.ERROR });
      const status = 'http' in response ? response.http?.status : undefined;
      if (status) span.setAttribute('http.response.status_code', status);
      return response;
    } catch (error) {
      span.setAttribute('lattice.outcome', 'error');
      span.setAttribute('error.type', errorType(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.setAttribute('lattice.attempts', attempts.count);
      if (attempts.count > 1) span.setAttribute('http.request.resend_count', attempts.count - 1);
      span.end();
    }
  }
}
