import { GraphQLError } from 'graphql';

/** A refusal by the cost limits, named by `extensions.limit`. */
export function limitError(message: string, extensions: Record<string, unknown>): GraphQLError {
  // The same family as the shape limits (limits/shape.ts): GRAPHQL_VALIDATION_FAILED with
  // `limit` naming which; 400 like any validation failure.
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions, http: { status: 400 } },
  });
}

export const costExceeded = (max: number, actual: number) =>
  limitError(`Operation exceeds the cost limit: estimated ${actual} > ${max}`, {
    limit: 'maxCost',
    max,
    actual,
  });
