import { registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let token: string;
beforeAll(async () => {
  lattice = await startTestLattice(
    {
      MAX_DEPTH: '12',
      MAX_ALIASES: '10',
      MAX_ROOT_FIELDS: '5',
      MAX_TOKENS: '2000',
    },
    { subgraphs: ['accounts'] },
  );
  token = (await registerUser(lattice)).accessToken;
});
afterAll(() => lattice?.stop());

const subgraphRequests = () => Object.values(lattice.subgraphs).reduce((sum, s) => sum + s.requests.count, 0);

async function refused(query: string) {
  const before = subgraphRequests();
  const result = await lattice.post({ query }, { authorization: `Bearer ${token}` });
  expect(result.json.data).toBeUndefined();
  expect(subgraphRequests()).toBe(before); // refused before planning: no subgraph was called
  return result.json.errors;
}

const nested = (depth: number) =>
  `{ __schema { types { ${'ofType { '.repeat(depth)}name${' }'.repeat(depth)} } } }`;

describe('operation limits in the gateway', () => {
  it('serves operations within the limits', async () => {
    const ok = await lattice.post(
      { query: `{ me { id a1: email a2: role } ${'__typename '.repeat(1)} }` },
      { authorization: `Bearer ${token}` },
    );
    expect(ok.json.errors).toBeUndefined();
    expect(ok.json.data.me.a1).toEqual(expect.any(String));
  });

  it('refuses a depth-50 query, naming the limit', async () => {
    const errors = await refused(nested(50));
    expect(errors).toContainEqual(
      expect.objectContaining({
        message: 'Operation exceeds the depth limit: 53 > 12',
        extensions: expect.objectContaining({
          code: 'GRAPHQL_VALIDATION_FAILED',
          limit: 'maxDepth',
          max: 12,
          actual: 53,
        }),
      }),
    );
  });

  it('counts depth through fragments', async () => {
    const errors = await refused(
      `{ __schema { ...T } } fragment T on __Schema { types { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } }`,
    );
    expect(errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' });
  });

  it('refuses an alias bomb', async () => {
    const bomb = `{ me { ${Array.from({ length: 11 }, (_, i) => `e${i}: email`).join(' ')} } }`;
    const errors = await refused(bomb);
    expect(errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'maxAliases',
      actual: 11,
    });
  });

  it('refuses too many root fields', async () => {
    const errors = await refused(`{ ${Array.from({ length: 6 }, (_, i) => `m${i}: me { id }`).join(' ')} }`);
    expect(errors.map((e: any) => e.extensions.limit)).toContain('maxRootFields');
  });

  it('refuses a huge document while parsing (token limit)', async () => {
    const errors = await refused(`{ me { ${'id '.repeat(3000)} } }`);
    expect(errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(errors[0].message).toMatch(/more that 2000 tokens/); // graphql-js's wording
  });

  it('refuses batched requests with a clear 400, calling no subgraph', async () => {
    // Batching is off: one operation per HTTP request keeps the rate limits, the cost limit
    // and the metrics per operation (clients reuse keep-alive connections instead).
    const before = subgraphRequests();
    const result = await lattice.post([{ query: '{ me { id } }' }, { query: '{ me { id } }' }], {
      authorization: `Bearer ${token}`,
    });
    expect(result.status).toBe(400);
    expect(result.json.errors).toEqual([
      expect.objectContaining({
        message: 'Operation batching disabled.',
        extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
      }),
    ]);
    expect(subgraphRequests()).toBe(before);
  });
});
