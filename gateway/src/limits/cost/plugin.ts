/**
 * Demand control applied to operations: the running supergraph's `@cost` / `@listSize`, the
 * estimate of each operation (see estimate.ts), kept per document and variables, and the
 * refusal of operations over the limits before the gateway plans them.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { type CostDirectives, costDirectivesFromSupergraph, NO_COST_DIRECTIVES } from './directives';
import { costExceeded } from './errors';
import { type CostInput, estimateCost, type ListLimits } from './estimate';

export interface CostLimits extends ListLimits {
  /** Highest estimated cost an operation may have. */
  maxCost: number;
}

interface CachedEstimates {
  schema: GraphQLSchema;
  directives: CostDirectives;
  /** Estimated cost by the variables' JSON. */
  costs: Map<string, number>;
}

/** Distinct variable sets whose estimate is kept per operation. */
const MAX_ESTIMATES_PER_OPERATION = 64;
/** Variables longer than this (as JSON) are estimated every time rather than kept. */
const MAX_CACHED_VARIABLES_LENGTH = 2_048;

/** The cache key of a request's variables; undefined when they are too large to keep. */
function variablesKey(variables: Record<string, unknown> | undefined): string | undefined {
  const json = JSON.stringify(variables ?? {});
  return json.length > MAX_CACHED_VARIABLES_LENGTH ? undefined : json;
}

/**
 * The cost directives of the running supergraph, kept current by `update` (called from
 * `ApolloGateway.onSchemaLoadOrUpdate`), and the plugin refusing operations over the limits.
 */
export class OperationCost {
  private directives: CostDirectives = NO_COST_DIRECTIVES;

  constructor(private readonly limits: CostLimits) {}

  update(coreSupergraphSdl: string): void {
    try {
      this.directives = costDirectivesFromSupergraph(coreSupergraphSdl);
    } catch {
      // The gateway only loads supergraphs it could parse; should this one still fail, the
      // default weights apply (every limit keeps working, only @cost/@listSize are ignored).
      this.directives = NO_COST_DIRECTIVES;
    }
  }

  /** Throws the first limit the operation exceeds (a GraphQLError with `extensions.limit`). */
  check(input: Omit<CostInput, 'directives' | 'limits'>): number {
    const key = variablesKey(input.variables);
    const cached = key === undefined ? undefined : this.cachedCost(input, key);
    if (cached !== undefined) {
      if (cached > this.limits.maxCost) throw costExceeded(this.limits.maxCost, cached);
      return cached;
    }
    const { cost, errors } = estimateCost({ ...input, directives: this.directives, limits: this.limits });
    if (errors.length) throw errors[0];
    if (key !== undefined) this.remember(input, key, cost);
    if (cost > this.limits.maxCost) throw costExceeded(this.limits.maxCost, cost);
    return cost;
  }

  // The estimate depends only on the operation, its variables, the schema and the directives.
  // Apollo Server caches parsed documents, so the same operation node comes back for every
  // request sending the same text: its estimates are kept with it (per variables) for as long
  // as the document lives, and discarded when the schema or the directives change. Only
  // estimates without errors are kept (a refused list size is estimated again, and refused).
  private readonly estimates = new WeakMap<OperationDefinitionNode, CachedEstimates>();

  private cachedCost(input: Omit<CostInput, 'directives' | 'limits'>, key: string): number | undefined {
    const entry = this.estimates.get(input.operation);
    if (!entry || entry.schema !== input.schema || entry.directives !== this.directives) return undefined;
    return entry.costs.get(key);
  }

  private remember(input: Omit<CostInput, 'directives' | 'limits'>, key: string, cost: number): void {
    let entry = this.estimates.get(input.operation);
    if (!entry || entry.schema !== input.schema || entry.directives !== this.directives) {
      entry = { schema: input.schema, directives: this.directives, costs: new Map() };
      this.estimates.set(input.operation, entry);
    }
    if (entry.costs.size >= MAX_ESTIMATES_PER_OPERATION) entry.costs.clear();
    entry.costs.set(key, cost);
  }

  /**
   * Checks each operation once it is resolved (variables known), before the gateway plans it:
   * a refused operation calls no subgraph.
   */
  plugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ schema, document, operation, request }) => {
          if (!operation) return;
          this.check({ schema, document, operation, variables: request.variables });
        },
      }),
    };
  }
}
