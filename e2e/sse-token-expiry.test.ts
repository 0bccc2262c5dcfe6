import { createClient as createSseClient } from 'graphql-sse';
import { waitFor } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let client: ReturnType<typeof createSseClient> | undefined;

beforeAll(async () => {
  lattice = await startTestLattice({ ACCESS_TOKEN_TTL_SECONDS: '5' }, { subgraphs: ['analytics'] });
});
afterAll(async () => {
  client?.dispose();
  await lattice?.stop();
});

test('an SSE stream whose token expires says so (UNAUTHENTICATED) before it completes', async () => {
  const token = await promoteToAdmin(lattice, (await registerUser(lattice)).email);
  const issuedAt = Date.now();
  client = createSseClient({
    url: lattice.gateway.url,
    headers: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const results: Array<{ errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> = [];
  const ended: { complete?: true; error?: unknown } = {};
  client.subscribe(
    { query: 'subscription { platformEvents { type } }' },
    {
      next: (result) => results.push(result as (typeof results)[number]),
      error: (error) => (ended.error = error),
      complete: () => (ended.complete = true),
    },
  );

  await waitFor(() => ended.complete || ended.error !== undefined, { timeoutMs: 10_000 });
  // Counted from when the sign-in answered: the token was issued a moment before (more on a
  // loaded machine), so the stream may end a little under its five seconds from here.
  const lived = Date.now() - issuedAt;
  expect(lived).toBeGreaterThan(2_000);
  expect(lived).toBeLessThan(7_000);
  expect(ended).toEqual({ complete: true });
  expect(results.at(-1)).toEqual({
    errors: [{ message: 'Access token expired', extensions: { code: 'UNAUTHENTICATED' } }],
  });
}, 15_000);
