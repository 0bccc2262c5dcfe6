import { closeCode, subscribe, waitFor, wsClient } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;

beforeAll(async () => {
  lattice = await startTestLattice({ ACCESS_TOKEN_TTL_SECONDS: '5' }, { subgraphs: ['analytics'] });
});
afterAll(async () => {
  await lattice.stop();
});

test('a connection ends with 4403 when its token expires, and its subscription with it', async () => {
  const admin = await registerUser(lattice);
  const token = await promoteToAdmin(lattice, admin.email);
  const issuedAt = Date.now();
  const client = wsClient(lattice.gateway.url, token);
  const closed = closeCode(client);
  const feed = subscribe(client, 'subscription { platformEvents { type } }');

  await expect(closed).resolves.toEqual({ code: 4403, reason: 'Token expired' });
  // Counted from when the sign-in answered: the token was issued before (longer before on a
  // loaded machine), so the connection may end well under its five seconds from here; and a
  // CI machine running every suite may be seconds late closing it (7.1 s was seen), which
  // still tells an expiry apart from a connection that lives on.
  const lived = Date.now() - issuedAt;
  expect(lived).toBeGreaterThan(1_000);
  expect(lived).toBeLessThan(10_000);
  // The subscription ends with the connection (graphql-ws reports the close to its sink).
  await waitFor(() => feed.ended.error !== undefined);
  await client.dispose();
}, 25_000);
