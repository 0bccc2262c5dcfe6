import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { OperationCost } from '../../../src/limits/cost/plugin';

describe('the cost check of the gateway', () => {
  const supergraphSdl = readFileSync(
    join(__dirname, '..', '..', '..', '..', 'schema', 'supergraph.graphql'),
    'utf8',
  );
  const apiSchema = buildSchema(
    readFileSync(join(__dirname, '..', '..', '..', '..', 'schema', 'api.graphql'), 'utf8'),
  );
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
        join(
          __dirname,
          '..',
          '..',
          '..',
          '..',
          'packages',
          'client',
          'src',
          '__generated__',
          'persisted-documents.json',
        ),
        'utf8',
      ),
    );
    for (const query of Object.values(documents)) {
      expect(run(query)).toBeLessThan(1_000);
    }
  });
});
