import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './context';

/**
 * How the gateway calls a subgraph: forwards the caller's token (subgraphs verify it again),
 * the request id and what identifies the client.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
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
}
