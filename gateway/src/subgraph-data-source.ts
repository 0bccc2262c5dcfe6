import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { REQUEST_ID_HEADER } from '@lattice/server-kit';
import type { GatewayContext } from './context';
import type { GatewayMetrics } from './metrics';
import { abortableFetcher, defaultResilience, SubgraphResilience } from './resilient-fetch';
import { operationDocument, unavailableResponse } from './unavailable';

/**
 * How the gateway calls a subgraph: forwards the caller's token (subgraphs verify it again),
 * the request id and what identifies the client, and measures every fetch. Fetches go
 * through the subgraph's timeout, retries (queries only) and circuit breaker; when the
 * subgraph cannot answer, its fields come back null with SUBGRAPH_UNAVAILABLE errors.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly metrics: GatewayMetrics;
  private readonly resilience: SubgraphResilience;

  constructor(options: {
    url: string;
    subgraph: string;
    metrics: GatewayMetrics;
    resilience?: SubgraphResilience;
  }) {
    super({ url: options.url });
    this.subgraph = options.subgraph;
    this.metrics = options.metrics;
    this.resilience = options.resilience ?? new SubgraphResilience(defaultResilience, options.metrics);
    this.resilience.breakerFor(this.subgraph);
    this.fetcher = abortableFetcher(this.fetcher);
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    const headers = request.http?.headers;
    if (!headers || !context.requestId) return;
    headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.client.userAgent) headers.set('user-agent', context.client.userAgent);
    if (context.client.ip) headers.set('x-forwarded-for', context.client.ip);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const stop = this.metrics.subgraphFetchSeconds.startTimer({ subgraph: this.subgraph });
    try {
      // Health checks and schema loading are not client operations: sent as they are.
      if (!('incomingRequestContext' in options)) {
        return await super.process(options);
      }
      const document = operationDocument(options.document, options.request.query);
      // Only queries are sent again: a mutation may have been applied before its answer was lost.
      const isQuery = document.operation === 'query';
      const outcome = await this.resilience.call(this.subgraph, isQuery, () => super.process(options));
      if (outcome.ok) return outcome.value;
      this.metrics.subgraphFetchErrors.inc({ subgraph: this.subgraph });
      const log = options.context.log;
      if (outcome.reason === 'open') log?.debug({ subgraph: this.subgraph }, 'subgraph circuit open');
      else log?.warn({ err: outcome.error, subgraph: this.subgraph }, 'subgraph unavailable');
      return unavailableResponse(this.subgraph, document.node, options.request.variables);
    } catch (error) {
      this.metrics.subgraphFetchErrors.inc({ subgraph: this.subgraph });
      throw error;
    } finally {
      stop();
    }
  }
}
