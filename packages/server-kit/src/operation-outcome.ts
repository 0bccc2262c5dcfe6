import type { GraphQLFormattedError } from 'graphql';

/**
 * How an operation ended, as the `outcome` label of `graphql_operations_total`:
 * - `success`: executed, no error;
 * - `error`: executed, and its result carries errors (a failing resolver or subgraph);
 * - `invalid`: not executed: the document could not be parsed or validated;
 * - `refused`: refused, wholly or in part, by a policy: authentication, authorization,
 *   rate limits, shape and cost limits, the safelist (and, on a subgraph, a caller that is
 *   not the gateway).
 * Anything but `success` is a failure: an error rate is `outcome!="success"` over all.
 */
export type OperationOutcome = 'success' | 'error' | 'invalid' | 'refused';

/** Codes that mean "you may not", rather than "this went wrong". */
const REFUSAL_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_ALLOWED',
]);

function isRefusal(error: Pick<GraphQLFormattedError, 'extensions'>): boolean {
  const code = String(error.extensions?.code);
  // Shape and cost limits are validation errors naming the limit they exceed (`maxDepth`, …).
  return (
    REFUSAL_CODES.has(code) ||
    (code === 'GRAPHQL_VALIDATION_FAILED' && typeof error.extensions?.limit === 'string')
  );
}

export function operationOutcome(
  resolved: boolean,
  errors: ReadonlyArray<Pick<GraphQLFormattedError, 'extensions'>> | undefined,
): OperationOutcome {
  if (errors?.some(isRefusal)) return 'refused';
  if (!resolved) return 'invalid';
  return errors?.length ? 'error' : 'success';
}
