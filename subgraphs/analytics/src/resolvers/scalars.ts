import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !DAY.test(value)) {
    throw refused('Date must be a day in the form YYYY-MM-DD');
  }
  // Round-tripping refuses days that do not exist (2026-02-30, 2026-13-01), which Date would
  // otherwise roll over into the next month or refuse with an opaque "Invalid Date".
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw refused(`Date ${value} is not a day of the calendar`);
  }
  return value;
}

/** `Date`: a UTC day, `YYYY-MM-DD`, kept as that string inside. */
export const dateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (value) => parseDay(value),
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

function literalValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalValue(field.value)]));
    default:
      return null;
  }
}

/** `JSON`: any JSON value, passed through. */
export const jsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalValue,
});
