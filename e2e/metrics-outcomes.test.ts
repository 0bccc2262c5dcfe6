import { MeDocument } from '@lattice/client';
import { registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// Tight limits, so that each refusal is one request away.
let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice(
    { MAX_DEPTH: '4', RATE_LIMIT_USER_BURST: '3', RATE_LIMIT_USER_RPS: '0.001' },
    { subgraphs: ['accounts'] },
  );
});
afterAll(() => lattice?.stop());

/** graphql_operations_total on the gateway, summed by outcome, for samples with these labels. */
async function outcomes(labels: Record<string, string> = {}): Promise<Record<string, number>> {
  const text = await (await fetch(new URL('/metrics', lattice.gateway.url))).text();
  const totals: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith('graphql_operations_total{')) continue;
    if (!Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) continue;
    const outcome = /outcome="([^"]+)"/.exec(line)![1]!;
    totals[outcome] = (totals[outcome] ?? 0) + Number(line.split(' ').at(-1));
  }
  return totals;
}

/** How much each outcome grew while `act` ran. */
async function counted(act: () => Promise<unknown>, labels: Record<string, string> = {}) {
  const before = await outcomes(labels);
  await act();
  const after = await outcomes(labels);
  return Object.fromEntries(
    Object.entries(after)
      .map(([outcome, value]) => [outcome, value - (before[outcome] ?? 0)] as const)
      .filter(([, grown]) => grown > 0),
  );
}

describe('graphql_operations_total{outcome}', () => {
  it('counts an operation refused by authorization as refused, not success', async () => {
    const refusal = await counted(async () => {
      const { json } = await lattice.post({
        query: 'mutation Rename { updateProfile(input: { firstName: "Ada" }) { firstName } }',
      });
      expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
    expect(refusal).toEqual({ refused: 1 });
  });

  it('counts requests refused for a bad token or a rate limit as refused', async () => {
    const user = await registerUser(lattice);
    const refusals = await counted(async () => {
      expect(
        (await lattice.post({ query: '{ me { id } }' }, { authorization: 'Bearer forged' })).status,
      ).toBe(401);
      const statuses = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push(
          (
            await lattice.post(
              { query: 'query Me { me { id } }' },
              { authorization: `Bearer ${user.accessToken}` },
            )
          ).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    });
    expect(refusals).toEqual({ success: 3, refused: 2 });
  });

  it('counts an operation over a shape limit as refused, and a broken one as invalid', async () => {
    const limits = await counted(async () => {
      const deep = await lattice.post({ query: '{ me { profile { user { profile { user { id } } } } } }' });
      expect(deep.json.errors[0].extensions.limit).toBe('maxDepth');
      await lattice.post({ query: '{ me { nope } }' });
    });
    expect(limits).toEqual({ refused: 1, invalid: 1 });
  });

  it('still counts a served operation as success', async () => {
    const user = await registerUser(lattice);
    expect(
      await counted(() => lattice.client(user.accessToken).request(MeDocument), { operation: 'Me' }),
    ).toEqual({
      success: 1,
    });
  });
});
