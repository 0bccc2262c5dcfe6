import { newEmail, registerUser } from './support/accounts';
import { countRows } from './support/outbox';
import { postToSubgraph } from './support/subgraph-requests';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// requestPasswordReset must not tell, by how long it takes, whether an account exists.
// Straight to identity (as the gateway calls it): the gateway's own latency would only add noise.
// Measured on a shared 2-core machine: without a uniform answer time the medians differed by
// 6.5 ms (idle) to 12.5 ms (load average 5); with it by 0.02 ms (idle) to 1.1 ms (loaded).
const SAMPLES = 50;
const TOLERANCE_MS = 3;

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: [] });
});
afterAll(() => lattice?.stop());

const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';

async function timedRequest(email: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await postToSubgraph(lattice, 'identity', { query: REQUEST, variables: { e: email } });
  const body = (await response.json()) as { data?: { requestPasswordReset: boolean } };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  expect(body.data?.requestPasswordReset).toBe(true);
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
};

const issuedResets = () => countRows(lattice, 'identity.one_time_token', "purpose = 'reset_password'");

it('takes as long for an existing account as for an unknown email', async () => {
  // Each account is asked once: a second request within a minute would issue nothing.
  const WARM_UP = 5;
  const accounts = await Promise.all(Array.from({ length: WARM_UP + SAMPLES }, () => registerUser(lattice)));
  const existing = () => timedRequest(accounts.pop()!.email);
  const unknown = () => timedRequest(newEmail('nobody'));
  for (let i = 0; i < WARM_UP; i += 1) {
    await existing();
    await unknown();
  }

  const issuedBefore = await issuedResets();
  const times = { existing: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < SAMPLES; i += 1) {
    // Interleaved, in alternating order, so drifting load weighs on both alike.
    if (i % 2 === 0) {
      times.existing.push(await existing());
      times.unknown.push(await unknown());
    } else {
      times.unknown.push(await unknown());
      times.existing.push(await existing());
    }
  }

  // The existing accounts' requests did the real work.
  expect((await issuedResets()) - issuedBefore).toBe(SAMPLES);
  const difference = Math.abs(median(times.existing) - median(times.unknown));
  expect(difference).toBeLessThan(TOLERANCE_MS);
}, 120_000);
