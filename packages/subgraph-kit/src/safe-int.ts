import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parse(value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new GraphQLError('SafeInt must be an integer within ±(2^53 − 1)', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** `SafeInt`: integers beyond 32 bits (bytes, tokens), exact as JSON numbers up to 2^53 − 1. */
export const safeIntScalar = new GraphQLScalarType<number, number>({
  name: 'SafeInt',
  serialize: parse,
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.INT ? Number(ast.value) : undefined),
});
