import { type GraphQLSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import type { CostDirectives } from '../../../src/limits/cost/directives';
import { estimateCost } from '../../../src/limits/cost/estimate';
import { shop } from './shop';

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
