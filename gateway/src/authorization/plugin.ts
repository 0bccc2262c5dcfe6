import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, print } from 'graphql';
import { type AuthorizedOperation, authorizeOperation, type CompletionPlan } from './rewrite';
import { type Requirements, requirementsFromSupergraph } from './requirements';
import { completeResult } from './result';
import type { GatewayContext } from '../context';
import type { Viewer } from '@lattice/server-kit';

/**
 * The supergraph's authorization requirements, kept current with the gateway's schema:
 * `update` is called by `ApolloGateway.onSchemaLoadOrUpdate` with each (re)loaded supergraph.
 */
export class SchemaAuthorization {
  private requirements: Requirements | undefined;

  update(coreSupergraphSdl: string): void {
    this.requirements = undefined; // a supergraph that cannot be read refuses every operation
    this.requirements = requirementsFromSupergraph(coreSupergraphSdl);
  }

  /** Checks an operation: HTTP ones in the plugin below, subscriptions in their gate. */
  authorize(input: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operation: OperationDefinitionNode;
    variables?: Record<string, unknown>;
    viewer: Viewer | null;
  }): AuthorizedOperation {
    const requirements = this.requirements;
    // Fail closed: without the supergraph's requirements nothing can be checked.
    if (!requirements) throw new Error('Authorization requirements are not loaded');
    return authorizeOperation({ ...input, requirements });
  }

  /** Whether the field at `coordinate` (e.g. `Subscription.liveStats`) is guarded by scopes. */
  requiresScopes(coordinate: string): boolean {
    return (this.requirements?.get(coordinate)?.scopes.length ?? 0) > 0;
  }

  /**
   * Enforces the requirements on every operation after it is validated and resolved, before
   * the gateway plans it: refused fields are cut from the document (so no subgraph is called
   * for them) and answered with null and an error when the response is sent.
   */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => {
        let plan: CompletionPlan | undefined;
        return {
          didResolveOperation: async (requestContext) => {
            const { operation, document, schema } = requestContext;
            if (!operation) return;
            const authorized = this.authorize({
              schema,
              document,
              operation,
              variables: requestContext.request.variables,
              viewer: requestContext.contextValue.viewer,
            });
            if (!authorized.rewritten) return;
            plan = authorized.plan;
            // The gateway plans and executes `document`, and caches plans by `queryHash`: the
            // rewritten document gets its own hash so no caller is served another's plan.
            const writable = requestContext as unknown as {
              document: DocumentNode;
              operation: OperationDefinitionNode;
              queryHash: string;
              schema: GraphQLSchema;
            };
            writable.document = authorized.document;
            writable.operation = authorized.operation;
            writable.queryHash = createHash('sha256').update(print(authorized.document)).digest('hex');
          },
          // Nothing is awaited before the result is completed, so plugins listed after this
          // one see the completed result.
          willSendResponse: async ({ response }) => {
            if (!plan || response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            const { data, errors } = completeResult(
              plan,
              result.data as Record<string, unknown> | null | undefined,
            );
            response.body.singleResult = {
              ...result,
              data,
              errors: errors.length ? [...(result.errors ?? []), ...errors] : result.errors,
            };
          },
        };
      },
    };
  }
}
