import { costDirectivesFromSupergraph } from '../../../src/limits/cost/directives';
import { shop } from './shop';

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
