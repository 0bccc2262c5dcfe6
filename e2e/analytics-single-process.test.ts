import { waitFor } from '@lattice/testkit';
import { MeDocument } from '@lattice/client';
import { promoteToAdmin, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// As `npm start` runs it: one process, no Redis, the in-process bus.
let lattice: TestLattice;
let adminToken: string;

beforeAll(async () => {
  lattice = await startTestLattice(
    { HEALTH_PROBE_INTERVAL_MS: '200' },
    { subgraphs: ['accounts', 'analytics'], redis: false },
  );
  const admin = await registerUser(lattice);
  adminToken = await promoteToAdmin(lattice, admin.email);
});
afterAll(() => lattice?.stop());

const HEALTH = '{ serviceHealth { name requestRate averageLatencyMs } }';

describe('analytics in single-process mode', () => {
  it("reports the gateway's traffic to each subgraph, as with Redis", async () => {
    for (let i = 0; i < 20; i += 1) await lattice.client(adminToken).request(MeDocument);
    const identity = await waitFor(
      async () => {
        const { json } = await lattice.post({ query: HEALTH }, { authorization: `Bearer ${adminToken}` });
        const row = json.data?.serviceHealth.find((service: { name: string }) => service.name === 'identity');
        return row?.requestRate > 0 ? row : undefined;
      },
      { timeoutMs: 20_000, message: "identity's request rate from the gateway's figures" },
    );
    expect(identity.averageLatencyMs).toBeGreaterThan(0);
  });
});
