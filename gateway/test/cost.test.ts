import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSchema, type GraphQLSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { costDirectivesFromSupergraph, type CostDirectives } from '../src/cost-directives';
import { estimateCost, OperationCost } from '../src/cost';

const SHOP = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])

  type Query {
    me: User
    users(first: Int = 20, last: Int, after: String): UserConnection!
      @listSize(assumedSize: 20, slicingArguments: ["first", "last"], sizedFields: ["edges"], requireOneSlicingArgument: false)
    search(limit: Int, term: String @cost(weight: 7)): [User!]! @listSize(slicingArguments: ["limit"])
    tags: [String!]!
    popular: [User!]! @listSize(assumedSize: 3)
    recent(first: Int): [User!]!
    orders(first: Int): OrderConnection!
    report(filter: ReportFilter): Int!
  }
  type Mutation {
    login(password: String!): User! @cost(weight: 100)
    ping: Boolean!
  }
  type User @key(fields: "id") {
    id: ID!
    name: String
    secret: String @cost(weight: 5)
    friends: [User!]!
    status: Status!
    avatar: Image
  }
  type Image @cost(weight: 4) { url: String! }
  enum Status { ACTIVE BANNED }
  type UserConnection { edges: [UserEdge!]! pageInfo: PageInfo! }
  type UserEdge { cursor: String! node: User! }
  type OrderConnection { edges: [OrderEdge!]! }
  type OrderEdge { node: Order! }
  type Order { id: ID! }
  type PageInfo { hasNextPage: Boolean! }
  input ReportFilter { deep: Boolean @cost(weight: 30) }
`;

function compose(typeDefs: string) {
  const result = composeServices([{ name: 'shop', url: 'http://shop/graphql', typeDefs: parse(typeDefs) }]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return {
    schema: result.schema.toAPISchema().toGraphQLJSSchema(),
    directives: costDirectivesFromSupergraph(result.supergraphSdl),
  };
}

const shop = compose(SHOP);
const limits = { maxListSize: 100, defaultListSize: 10 };

function estimate(
  query: string,
  variables?: Record<string, unknown>,
  target: { schema: GraphQLSchema; directives: CostDirectives } = shop,
) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return estimateCost({ ...target, document, operation, variables, limits });
}
const cost = (query: string, variables?: Record<string, unknown>) => {
  const result = estimate(query, variables);
  expect(result.errors).toEqual([]);
  return result.cost;
};

describe('the cost directives of a supergraph', () => {
  it('reads @cost and @listSize as composition writes them', () => {
    expect(shop.directives.weights).toEqual(
      new Map([
        ['Query.search(term:)', 7],
        ['Mutation.login', 100],
        ['User.secret', 5],
        ['Image', 4],
        ['ReportFilter.deep', 30],
      ]),
    );
    expect(shop.directives.listSizes.get('Query.users')).toEqual({
      assumedSize: 20,
      slicingArguments: ['first', 'last'],
      sizedFields: ['edges'],
      requireOneSlicingArgument: false,
    });
    expect(shop.directives.listSizes.get('Query.search')?.requireOneSlicingArgument).toBe(true);
  });

  it('follows the names a renamed import gives them', () => {
    const sdl = `schema
      @link(url: "https://specs.apollo.dev/link/v1.0")
      @link(url: "https://specs.apollo.dev/cost/v0.1", as: "price", import: [{ name: "@listSize", as: "@size" }])
      { query: Query }
      directive @price(weight: Int!) on FIELD_DEFINITION
      directive @size(assumedSize: Int) on FIELD_DEFINITION
      type Query { a: [Int] @size(assumedSize: 2) b: Int @price(weight: 3) c: Int @cost(weight: 9) }`;
    const directives = costDirectivesFromSupergraph(sdl);
    expect(directives.weights).toEqual(new Map([['Query.b', 3]]));
    expect(directives.listSizes.get('Query.a')?.assumedSize).toBe(2);
  });

  it('has none when the supergraph does not link the cost spec', () => {
    const directives = costDirectivesFromSupergraph(
      'schema { query: Query } type Query { a: Int @cost(weight: 3) }',
    );
    expect(directives.weights.size).toBe(0);
  });
});

describe('the estimated cost of an operation', () => {
  it('counts 1 per object and 0 per scalar or enum by default', () => {
    expect(cost('{ me { id name status } }')).toBe(1);
    expect(cost('{ me { id friends { id } } }')).toBe(1 + 10 * 1); // a list: defaultListSize
    expect(cost('{ tags }')).toBe(0);
  });

  it('uses @cost of fields and of types', () => {
    expect(cost('{ me { secret avatar { url } } }')).toBe(1 + 5 + 4);
  });

  it('multiplies a connection by its slicing argument, through its sized fields', () => {
    const query = '{ users(first: 50) { pageInfo { hasNextPage } edges { node { id friends { id } } } } }';
    // users 1 + pageInfo 1 + 50 × (edge 1 + node 1 + 10 × friend 1)
    expect(cost(query)).toBe(1 + 1 + 50 * (1 + 1 + 10));
  });

  it('takes slicing arguments from variables, and the argument default when omitted', () => {
    const query = 'query ($n: Int) { users(first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: 5 })).toBe(1 + 5 * 2);
    expect(cost('{ users { edges { node { id } } } }')).toBe(1 + 20 * 2); // first: Int = 20
    expect(cost('query ($n: Int = 7) { users(first: $n) { edges { node { id } } } }')).toBe(1 + 7 * 2);
    expect(cost('{ users(first: 3, last: 9) { edges { node { id } } } }')).toBe(1 + 9 * 2); // the largest
  });

  it('uses assumedSize when no slicing argument has a value', () => {
    expect(cost('{ users(first: null) { edges { node { id } } } }')).toBe(1 + 20 * 2);
    expect(cost('{ popular { id } }')).toBe(3);
  });

  it('slices lists and connections by first/last where no @listSize says otherwise', () => {
    expect(cost('{ recent(first: 4) { id } }')).toBe(4);
    expect(cost('{ recent { id } }')).toBe(10);
    expect(cost('{ orders(first: 6) { edges { node { id } } } }')).toBe(1 + 6 * 2);
  });

  it('refuses a slicing argument above the list size limit, literal or variable', () => {
    const literal = estimate('{ users(first: 101) { edges { node { id } } } }');
    expect(literal.errors).toHaveLength(1);
    expect(literal.errors[0]!.message).toBe(
      'Operation exceeds the list size limit: first: 101 > 100 at users',
    );
    expect(literal.errors[0]!.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'maxListSize',
      max: 100,
      actual: 101,
      coordinate: 'Query.users',
      argument: 'first',
    });
    const variable = estimate('query ($n: Int) { recent(first: $n) { id } }', { n: 5000 });
    expect(variable.errors[0]!.extensions).toMatchObject({ limit: 'maxListSize', actual: 5000 });
  });

  it('requires one slicing argument where @listSize says so', () => {
    expect(estimate('{ search { id } }').errors[0]!.extensions).toMatchObject({
      limit: 'slicingArguments',
      coordinate: 'Query.search',
    });
    expect(cost('{ search(limit: 2) { id } }')).toBe(2);
  });

  it('adds the @cost of given arguments and input fields', () => {
    expect(cost('{ search(limit: 2, term: "a") { id } }')).toBe(2 + 7);
    expect(cost('{ report(filter: { deep: true }) }')).toBe(30);
    expect(cost('query ($f: ReportFilter) { report(filter: $f) }', { f: { deep: false } })).toBe(30);
    expect(cost('{ report(filter: {}) }')).toBe(0);
  });

  it('gives mutations a base cost of 10', () => {
    expect(cost('mutation { ping }')).toBe(10);
    expect(cost('mutation { login(password: "x") { id friends { id } } }')).toBe(10 + 100 + 10);
  });

  it('skips what @skip/@include leave out, and introspection', () => {
    expect(cost('query ($s: Boolean!) { me @skip(if: $s) { id } popular { id } }', { s: true })).toBe(3);
    expect(cost('{ me @include(if: false) { id } __typename __schema { types { name } } }')).toBe(0);
  });

  it('counts fragments where they are spread', () => {
    const query = `{ users(first: 10) { edges { ...E } } me { ...U } }
      fragment E on UserEdge { node { ...U } }
      fragment U on User { friends { id } ... on User { avatar { url } } }`;
    // users 1 + 10 × (edge 1 + node 1 + U) + me 1 + U, where U = 10 + 4
    expect(cost(query)).toBe(1 + 10 * (1 + 1 + 14) + 1 + 14);
  });

  it('stays fast on documents that nest the same fragments', () => {
    const levels = 30;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on User { friends { ...F${i + 1} } avatar { url } friends { ...F${i + 1} } }`,
    ).join(' ');
    const started = Date.now();
    const result = estimate(`{ me { ...F0 } } ${fragments} fragment F${levels} on User { id }`);
    expect(Date.now() - started).toBeLessThan(500);
    expect(result.cost).toBe(Number.MAX_SAFE_INTEGER); // capped
  });
});

describe('the cost check of the gateway', () => {
  const supergraphSdl = readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
  const apiSchema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema', 'api.graphql'), 'utf8'));
  const check = new OperationCost({ maxCost: 5_000, maxListSize: 1_000, defaultListSize: 10 });
  check.update(supergraphSdl);
  const run = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    return check.check({ schema: apiSchema, document, operation, variables });
  };

  it("reads Lattice's own @listSize and @cost", () => {
    expect(run('{ users(first: 100) { edges { node { id profile { displayName } } } } }')).toBe(1 + 100 * 3);
    expect(run('mutation { login(input: { email: "a", password: "b" }) { accessToken } }')).toBe(110);
  });

  it('refuses an operation over the cost limit, naming the limit and the estimate', () => {
    const wide =
      '{ users(first: 1000) { edges { node { id profile { displayName } businessContext { frequentClients(first: 100) { edges { node { id } } } } } } } }';
    expect(() => run(wide)).toThrow('Operation exceeds the cost limit: estimated 205001 > 5000');
  });

  it('keeps the estimate of an operation per variables, and estimates again after a supergraph update', () => {
    const query =
      'query Users($n: Int) { users(first: $n) { edges { node { id profile { displayName } } } } }';
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    const limited = new OperationCost({ maxCost: 400, maxListSize: 1_000, defaultListSize: 10 });
    limited.update(supergraphSdl);
    const cost = (variables?: Record<string, unknown>) =>
      limited.check({ schema: apiSchema, document, operation, variables });
    expect(cost({ n: 100 })).toBe(1 + 100 * 3);
    expect(cost({ n: 100 })).toBe(1 + 100 * 3);
    expect(cost({ n: 5 })).toBe(1 + 5 * 3);
    // A kept estimate over the limit is still refused, as is a refused list size every time.
    expect(() => cost({ n: 200 })).toThrow('Operation exceeds the cost limit: estimated 601 > 400');
    expect(() => cost({ n: 200 })).toThrow('Operation exceeds the cost limit: estimated 601 > 400');
    expect(() => cost({ n: 2_000 })).toThrow('list size limit');
    expect(() => cost({ n: 2_000 })).toThrow('list size limit');
    // Other directives: the kept estimates are not used.
    const login = parse('mutation { login(input: { email: "a", password: "b" }) { accessToken } }');
    const mutation = login.definitions[0] as OperationDefinitionNode;
    const loginCost = () => limited.check({ schema: apiSchema, document: login, operation: mutation });
    expect(loginCost()).toBe(110);
    limited.update('not a supergraph');
    expect(loginCost()).toBe(11);
  });

  it('lets every operation of the generated client run with its default variables', () => {
    const documents: Record<string, string> = JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', 'packages', 'client', 'src', '__generated__', 'persisted-documents.json'),
        'utf8',
      ),
    );
    for (const query of Object.values(documents)) {
      expect(run(query)).toBeLessThan(1_000);
    }
  });
});
