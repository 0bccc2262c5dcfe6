import { createHash } from 'node:crypto';
import { type Operation, operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { buildOperationContext } from '@apollo/gateway';
import { type FetchNode, type QueryPlan, QueryPlanner } from '@apollo/query-planner';
import { type DocumentNode, type GraphQLSchema, Kind, print } from 'graphql';

/** The service name the primary fetch is renamed to in a per-event plan. */
export const EVENT_SOURCE = '__lattice_subscription_event__';

/**
 * How one subscription operation runs on the current supergraph: `primary` is the
 * subscription sent to the subgraph that owns the root field; `eventPlan` resolves each of
 * its events into the full result (the primary fetch, answered by the event itself, then
 * the fetches of fields other subgraphs own), exactly as a query plan would.
 */
export interface SubscriptionPlan {
  primary: FetchNode;
  eventPlan: QueryPlan;
  operationContext: ReturnType<typeof buildOperationContext>;
  /**
   * When the event carries the whole result (one fetch, the primary, with no rewrites): the
   * client's operation, as the query plan's execution shapes results with it, built once here
   * rather than for every event.
   */
  eventOnly?: Operation;
}

export interface PlanningSchemas {
  apiSchema: GraphQLSchema;
  supergraphSchema: GraphQLSchema;
  apiSchemaInternal: ReturnType<Supergraph['apiSchema']>;
}

/**
 * Plans subscriptions with @apollo/query-planner on the same supergraph the gateway serves
 * (`update` is called with each loaded supergraph). Plans are cached per document until the
 * supergraph changes.
 */
export class SubscriptionPlanner {
  private planner: QueryPlanner | undefined;
  private schemas: PlanningSchemas | undefined;
  private readonly cache = new Map<string, SubscriptionPlan>();

  constructor(private readonly maxCachedPlans = 1_000) {}

  update(coreSupergraphSdl: string): void {
    const supergraph = Supergraph.build(coreSupergraphSdl);
    const apiSchemaInternal = supergraph.apiSchema();
    this.planner = new QueryPlanner(supergraph);
    this.schemas = {
      apiSchema: apiSchemaInternal.toGraphQLJSSchema(),
      supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
      apiSchemaInternal,
    };
    this.cache.clear();
  }

  current(): PlanningSchemas {
    if (!this.schemas) throw new Error('No supergraph loaded yet');
    return this.schemas;
  }

  /** Plans a validated subscription operation (throws a GraphQLError if it cannot be planned). */
  plan(document: DocumentNode, operationName: string | undefined): SubscriptionPlan {
    const { planner, schemas } = this;
    if (!planner || !schemas) throw new Error('No supergraph loaded yet');
    const key = createHash('sha256')
      .update(print(document))
      .update(`\0${operationName ?? ''}`)
      .digest('hex');
    const cached = this.cache.get(key);
    if (cached) return cached;

    const operation = operationFromDocument(schemas.apiSchemaInternal, document, { operationName });
    const queryPlan = planner.buildQueryPlan(operation);
    const node = queryPlan.node;
    if (node?.kind !== 'Subscription') throw new Error('Not a subscription operation');
    const primary = node.primary;
    const eventFetch: FetchNode = { ...primary, serviceName: EVENT_SOURCE };
    const eventPlan: QueryPlan = {
      kind: 'QueryPlan',
      node: node.rest ? { kind: 'Sequence', nodes: [eventFetch, node.rest] } : eventFetch,
    };
    const operationContext = buildOperationContext({
      schema: schemas.apiSchema,
      operationDocument: document,
      operationName,
    });
    const eventOnly =
      eventPlan.node === eventFetch && !eventFetch.requires?.length && !eventFetch.outputRewrites?.length
        ? operationFromDocument(
            schemas.apiSchemaInternal,
            {
              kind: Kind.DOCUMENT,
              definitions: [operationContext.operation, ...Object.values(operationContext.fragments)],
            },
            { validate: false },
          )
        : undefined;
    const plan: SubscriptionPlan = { primary, eventPlan, operationContext, eventOnly };
    if (this.cache.size >= this.maxCachedPlans) this.cache.clear();
    this.cache.set(key, plan);
    return plan;
  }
}
