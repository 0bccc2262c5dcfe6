import { newEmail, PASSWORD } from './support/accounts';
import { postToSubgraph } from './support/subgraph-requests';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// A tight budget so that the defaults (1 per object) and the schema's @cost/@listSize decide.
const MAX_COST = 60;
const MAX_LIST_SIZE = 100;

let lattice: TestLattice;
let token: string;
beforeAll(async () => {
  lattice = await startTestLattice(
    { MAX_COST: String(MAX_COST), MAX_LIST_SIZE: String(MAX_LIST_SIZE) },
    { subgraphs: ['accounts'] },
  );
  // Straight at identity: `register` costs 110 through this gateway (@cost(weight: 100) + 10).
  const response = await postToSubgraph(lattice, 'identity', {
    query: 'mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }',
    variables: { input: { email: newEmail('cost'), password: PASSWORD } },
  });
  token = ((await response.json()) as any).data.register.accessToken;
});
afterAll(() => lattice?.stop());

const subgraphRequests = () => Object.values(lattice.subgraphs).reduce((sum, s) => sum + s.requests.count, 0);
const post = (query: string, variables?: Record<string, unknown>) =>
  lattice.post({ query, variables }, { authorization: `Bearer ${token}` });

async function refused(query: string, variables?: Record<string, unknown>) {
  const before = subgraphRequests();
  const result = await post(query, variables);
  expect(result.status).toBe(400);
  expect(result.json.data).toBeUndefined();
  expect(result.json.errors).toHaveLength(1);
  expect(subgraphRequests()).toBe(before); // refused before planning: no subgraph was called
  return result.json.errors[0];
}

const SESSIONS = 'query ($n: Int) { sessions(first: $n) { edges { node { id current } } } }';
const CLIENTS_AND_SERVICES = (first: number) => `{
  me {
    businessContext {
      frequentClients(first: ${first}) { edges { node { id name } } }
      commonServices(first: ${first}) { edges { node { id description } } }
    }
  }
}`;
const PREFERENCES = (copies: number) =>
  `{ ${Array.from({ length: copies }, (_, i) => `m${i}: me { id profile { preferences { notifications { email } } } }`).join(' ')} }`;

describe('estimated operation cost in the gateway', () => {
  it('refuses a wide nested list query, naming the limit and the estimate', async () => {
    // me 1 + businessContext 1 + 2 × (connection 1 + 100 × (edge 1 + node 1))
    const error = await refused(CLIENTS_AND_SERVICES(100));
    expect(error).toEqual({
      message: `Operation exceeds the cost limit: estimated 404 > ${MAX_COST}`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost', max: MAX_COST, actual: 404 },
    });
  });

  it('serves the same query with small pages', async () => {
    const before = subgraphRequests();
    const ok = await post(CLIENTS_AND_SERVICES(5)); // 2 + 2 × 11 = 24
    expect(ok.json.errors).toBeUndefined();
    expect(ok.json.data.me).toEqual({ businessContext: null }); // none saved yet
    expect(subgraphRequests()).toBeGreaterThan(before);
  });

  it('uses the values of variables as page sizes', async () => {
    const ok = await post(SESSIONS, { n: 10 }); // 1 + 10 × 2
    expect(ok.json.errors).toBeUndefined();
    expect(ok.json.data.sessions.edges).toHaveLength(1);
    const error = await refused(SESSIONS, { n: 50 }); // 1 + 50 × 2
    expect(error.extensions).toMatchObject({ limit: 'maxCost', actual: 101 });
  });

  it('refuses a page size above the list size limit, from a variable too', async () => {
    const error = await refused(SESSIONS, { n: MAX_LIST_SIZE + 1 });
    expect(error.message).toBe(
      `Operation exceeds the list size limit: first: ${MAX_LIST_SIZE + 1} > ${MAX_LIST_SIZE} at sessions`,
    );
    expect(error.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'maxListSize',
      max: MAX_LIST_SIZE,
      actual: MAX_LIST_SIZE + 1,
      coordinate: 'Query.sessions',
      argument: 'first',
    });
  });

  it('counts 1 per object and nothing per scalar where the schema says nothing', async () => {
    // me, profile, preferences, notifications: 4 per copy
    expect((await post(PREFERENCES(15))).json.errors).toBeUndefined();
    const error = await refused(PREFERENCES(16));
    expect(error.extensions).toMatchObject({ limit: 'maxCost', actual: 64 });
  });

  it('estimates mutations, with the @cost of password hashing', async () => {
    const error = await refused(
      `mutation { login(input: { email: "nobody@example.com", password: "${PASSWORD}" }) { accessToken } }`,
    );
    expect(error.extensions).toMatchObject({ limit: 'maxCost', actual: 110 }); // 10 + @cost(weight: 100)
    const ok = await post('mutation { logout }'); // 10
    expect(ok.json).toEqual({ data: { logout: true } });
  });
});
