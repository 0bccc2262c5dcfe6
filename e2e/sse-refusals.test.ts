import { createClient as createSseClient } from 'graphql-sse';
import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// A subscription refused over Server-Sent Events says why exactly as over WebSocket: the
// stream is accepted and carries one `next` with the errors (graphql-sse's protocol for
// anything refused before execution), then `complete`.
let lattice: TestLattice;
let adminToken: string;
let userToken: string;
const clients: Array<{ dispose(): void | Promise<void> }> = [];

beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['analytics'] });
  adminToken = await promoteToAdmin(lattice, (await registerUser(lattice)).email);
  userToken = (await registerUser(lattice)).accessToken;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => lattice?.stop());

interface Outcome {
  results: Array<{ errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  error?: unknown;
  complete?: true;
}

/** What a graphql-sse client receives for `query`. */
async function overSse(token: string, query: string): Promise<Outcome> {
  const client = createSseClient({
    url: lattice.gateway.url,
    headers: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  const outcome: Outcome = { results: [] };
  client.subscribe(
    { query },
    {
      next: (result) => outcome.results.push(result as Outcome['results'][number]),
      error: (error) => (outcome.error = error),
      complete: () => (outcome.complete = true),
    },
  );
  await waitFor(() => outcome.complete || outcome.error !== undefined, { message: 'the SSE stream to end' });
  return outcome;
}

/** The errors a graphql-ws client receives for `query`. */
async function overWebSocket(token: string, query: string) {
  const client = wsClient(lattice.gateway.url, token);
  clients.push(client);
  const feed = subscribe(client, query);
  await waitFor(() => feed.ended.error !== undefined, { message: 'the WebSocket refusal' });
  return feed.ended.error as Array<{ message: string; extensions?: Record<string, unknown> }>;
}

const asSent = (errors: Array<{ message: string; extensions?: Record<string, unknown> }>) =>
  errors.map(({ message, extensions }) => ({ message, code: extensions?.code }));

describe('SSE refusals carry the same errors and codes as WebSocket', () => {
  it.each([
    ['an unknown field', 'admin', 'subscription { platformEvents { nope } }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'liveStats asked by a user who is not an admin',
      'user',
      'subscription { liveStats { usersTotal } }',
      'FORBIDDEN',
    ],
    [
      'two root fields',
      'admin',
      'subscription { platformEvents { type } liveStats { usersTotal } }',
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['a syntax error', 'admin', 'subscription { platformEvents { type }', 'GRAPHQL_PARSE_FAILED'],
  ])('%s', async (_case, who, query, code) => {
    const token = who === 'admin' ? adminToken : userToken;
    const [sse, websocket] = await Promise.all([overSse(token, query), overWebSocket(token, query)]);
    expect(sse.error).toBeUndefined();
    expect(sse.complete).toBe(true);
    expect(sse.results).toHaveLength(1);
    const errors = asSent(sse.results[0]!.errors ?? []);
    expect(errors.map((error) => error.code)).toContain(code);
    expect(errors).toEqual(asSent(websocket));
  });
});

describe('GET over SSE', () => {
  it('refuses a mutation with 405 and runs nothing', async () => {
    const email = `sse-get-${Date.now()}@example.com`;
    const query = `mutation { register(input: { email: "${email}", password: "a long enough password" }) { user { id } } }`;
    const response = await fetch(`${lattice.gateway.url}?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const { json } = await lattice.post(
      { query: `{ users(search: "${email}") { edges { node { id } } } }` },
      { authorization: `Bearer ${adminToken}` },
    );
    expect(json.data.users.edges).toEqual([]);
  });
});
