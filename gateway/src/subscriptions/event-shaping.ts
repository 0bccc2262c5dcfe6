import type { Operation } from '@apollo/federation-internals';
// The result shaping executeQueryPlan ends with (same package, same version).
import { computeResponse } from '@apollo/gateway/dist/resultShaping';
import type { FormattedExecutionResult } from 'graphql';

/**
 * The data of an event that carries the whole result (its plan fetches nothing from other
 * subgraphs, see `SubscriptionPlan.eventOnly`), as executeQueryPlan would answer it: the primary
 * fetch, answered by the event, merged into an empty result, then `computeResponse` on the
 * client's operation; without reading the operation again and walking the plan for every event.
 * Undefined when the full path must run: errors to place, no data, anything unexpected.
 * (Post-processing errors are dropped, as executeQueryPlan puts them in extensions, which
 * subscription events do not forward.)
 */
export function shapeWholeEvent(
  operation: Operation,
  variables: Record<string, unknown>,
  event: FormattedExecutionResult,
): Record<string, unknown> | null | undefined {
  if (event.errors?.length || !event.data || typeof event.data !== 'object') return undefined;
  try {
    const { data } = computeResponse({
      operation,
      variables,
      input: event.data,
      introspectionHandling: () => {
        // No subscription selects introspection (validation refuses it at the root); were one to,
        // the full path answers it.
        throw new Error('introspection in a subscription event');
      },
    });
    return data ?? undefined;
  } catch {
    return undefined;
  }
}
