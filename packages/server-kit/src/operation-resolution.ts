import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';

const badRequest = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

// One listener shared by every request: nothing is allocated per request.
const listener: GraphQLRequestListener<BaseContext> = {
  async didResolveOperation({ operation, request }) {
    if (!operation) {
      // graphql-js's own words; @apollo/gateway would throw them as an internal error.
      throw badRequest(
        request.operationName
          ? `Unknown operation named "${request.operationName}".`
          : 'Must provide operation name if query contains multiple operations.',
        'OPERATION_RESOLUTION_FAILURE',
      );
    }
    if (operation.operation === 'subscription') {
      throw badRequest(
        'Subscriptions are served over WebSocket (graphql-ws) or Server-Sent Events ' +
          '(Accept: text/event-stream), not as a single response',
        'BAD_REQUEST',
      );
    }
  },
};

/**
 * Refuses, as the client's mistake (400, before anything runs), a request whose operation
 * cannot be told (several operations and no `operationName`, or an `operationName` the
 * document does not define) or is a subscription sent for a single response.
 */
export function operationResolutionPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return { requestDidStart: async () => listener as GraphQLRequestListener<T> };
}
