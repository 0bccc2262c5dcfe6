import type { ApolloServer } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../context';

/**
 * A query or mutation that arrived on a subscription transport, run by Apollo Server with
 * the connection's context: same plugins (authorization, limits, metrics) as over HTTP.
 */
export async function runOperation(
  apollo: ApolloServer<GatewayContext>,
  input: {
    /** The document as the client sent it (the safelist compares it with the registered ones). */
    query: string;
    operationName?: string;
    variables?: Record<string, unknown>;
    context: GatewayContext;
  },
): Promise<FormattedExecutionResult> {
  const response = await apollo.executeOperation(
    { query: input.query, operationName: input.operationName, variables: input.variables },
    { contextValue: input.context },
  );
  if (response.body.kind !== 'single') throw new Error('Incremental delivery is not supported here');
  return response.body.singleResult;
}
