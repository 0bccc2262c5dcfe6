import { closeCode, subscribe, waitFor, wsClient } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// As `npm start` runs it: one process, no Redis, the in-process bus.
let lattice: TestLattice;

beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['analytics'], redis: false });
});
afterAll(() => lattice?.stop());

test('without Redis, signing out refuses the token within a second and closes its subscription', async () => {
  const user = await registerUser(lattice);
  const token = await promoteToAdmin(lattice, user.email);
  const client = wsClient(lattice.gateway.url, token);
  const closed = closeCode(client);
  const feed = subscribe(
    client,
    'subscription { platformEvents(types: ["identity.user_registered"]) { subject } }',
  );
  const probes: string[] = [];
  await waitFor(
    async () => {
      probes.push((await registerUser(lattice)).id);
      return waitFor(() => feed.data().some((data) => probes.includes(data.platformEvents.subject)), {
        timeoutMs: 1_000,
      });
    },
    { timeoutMs: 15_000, message: 'the subscription to deliver' },
  );

  const signOut = await lattice.post({ query: 'mutation { logout }' }, { authorization: `Bearer ${token}` });
  expect(signOut.json.data.logout).toBe(true);
  const message = 'Access token revoked: the session has ended';
  await waitFor(
    async () => {
      const { status, json } = await lattice.post(
        { query: '{ me { id } }' },
        { authorization: `Bearer ${token}` },
      );
      return status === 401 && json.errors[0].message === message;
    },
    { timeoutMs: 1_000, intervalMs: 50, message: 'the token to be refused' },
  );
  await expect(
    Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 1_000))]),
  ).resolves.toEqual({ code: 4403, reason: message });
  await client.dispose();
});
