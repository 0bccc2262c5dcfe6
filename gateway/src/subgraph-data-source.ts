import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './context';
import type { GatewayMetrics } from './metrics';

/**
 * How the gateway calls a subgraph: forwards the caller's token (subgraphs verify it again),
 * the request id and what identifies the client, and measures every fetch.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly metrics: GatewayMetrics;

  constructor(options: { url: string; subgraph: string; metrics: GatewayMetrics }) {
    super({ url: options.url });
    this.subgraph = options.subgraph;
    this.metrics = options.metrics;
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    const headers = request.http?.headers;
    if (!headers || !context.requestId) return;
    headers.set('x-request-id', context.requestId);
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.client.userAgent) headers.set('user-agent', context.client.userAgent);
    if (context.client.ip) headers.set('x-forwarded-for', context.client.ip);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const stop = this.metrics.subgraphFetchSeconds.startTimer({ subgraph: this.subgraph });
    try {
      return await super.process(options);
    } catch (error) {
      this.metrics.subgraphFetchErrors.inc({ subgraph: this.subgraph });
      throw error;
    } finally {
      stop();
    }
  }
}
