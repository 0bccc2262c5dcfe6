import { ApolloServer } from '@apollo/server';
import { apolloDefaults, createLogger, type RequestContext } from '../src';

// Every Lattice Apollo Server (the gateway and each subgraph) refuses text PostgreSQL cannot
// store before any resolver runs, wherever the operation carries it.
const typeDefs = /* GraphQL */ `
  input Item {
    name: String!
    tags: [String!]
  }
  type Query {
    echo(text: String, items: [Item!]): String
  }
`;

const resolved: unknown[] = [];
const server = new ApolloServer<RequestContext>({
  ...apolloDefaults<RequestContext>(),
  typeDefs,
  resolvers: {
    Query: {
      echo: (_: unknown, args: { text?: string }) => {
        resolved.push(args);
        return args.text ?? 'items';
      },
    },
  },
});
const contextValue = { requestId: 'test', log: createLogger('test', 'silent') };

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  resolved.length = 0;
});

async function run(query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult };
}

describe('text PostgreSQL cannot store', () => {
  it.each([
    [
      'a NUL deep in a variable',
      'query($items: [Item!]) { echo(items: $items) }',
      { items: [{ name: 'a' }, { name: 'b', tags: ['ok', 'x\u0000y'] }] },
      'items.1.tags.1',
      'NUL',
    ],
    [
      'a NUL inline in a fragment',
      '{ ...F } fragment F on Query { echo(text: "a\\u0000") }',
      {},
      'text',
      'NUL',
    ],
    ['a NUL in a variable’s default', 'query($t: String = "\\u0000") { echo(text: $t) }', {}, 'text', 'NUL'],
    ['a lone high surrogate', 'query($t: String) { echo(text: $t) }', { t: 'a\ud83d' }, 'text', 'surrogate'],
    ['a lone low surrogate', 'query($t: String) { echo(text: $t) }', { t: '\ude00b' }, 'text', 'surrogate'],
  ])(
    '%s → 400 BAD_USER_INPUT naming the field, no resolver run',
    async (_case, query, variables, field, word) => {
      const result = await run(query, variables);
      expect(result.status).toBe(400);
      expect(result.errors).toEqual([
        { message: expect.stringContaining(word), extensions: { code: 'BAD_USER_INPUT', field } },
      ]);
      expect(result.errors![0]!.message.startsWith(`${field}: `)).toBe(true);
      expect(resolved).toEqual([]);
    },
  );

  it('lets any other text through: emoji (surrogate pairs), control characters, other scripts', async () => {
    const text = 'ok 😀 \t tab, \u0001 and 日本語';
    const result = await run('query($t: String) { echo(text: $t) }', { t: text });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ echo: text });
  });
});
