import { MeDocument } from '@lattice/client';
import { registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice();
});
afterAll(() => lattice?.stop());

async function scrape(graphqlUrl: string): Promise<string> {
  const response = await fetch(new URL('/metrics', graphqlUrl));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The sum of the samples of `name` whose labels include `labels`. */
function metric(text: string, name: string, labels: Record<string, string>): number {
  return text
    .split('\n')
    .filter(
      (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    )
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

describe('/metrics', () => {
  it('counts operations by name and outcome, and subgraph fetches, on the gateway and each subgraph', async () => {
    const user = await registerUser(lattice);
    const gatewayBefore = await scrape(lattice.gateway.url);
    const identityBefore = await scrape(lattice.subgraphs.identity!.url);

    await lattice.client(user.accessToken).request(MeDocument);
    await lattice.client(user.accessToken).request(MeDocument);
    await lattice.post({ query: 'query Broken { nope }' });

    const gateway = await scrape(lattice.gateway.url);
    const success = { service: 'gateway', operation: 'Me', type: 'query', outcome: 'success' };
    expect(
      metric(gateway, 'graphql_operations_total', success) -
        metric(gatewayBefore, 'graphql_operations_total', success),
    ).toBe(2);
    expect(
      metric(gateway, 'graphql_operations_total', { operation: 'invalid', outcome: 'invalid' }),
    ).toBeGreaterThanOrEqual(1);
    const fetches = { subgraph: 'accounts' };
    expect(
      metric(gateway, 'subgraph_fetch_duration_seconds_count', fetches) -
        metric(gatewayBefore, 'subgraph_fetch_duration_seconds_count', fetches),
    ).toBe(2);
    expect(gateway).toContain('process_resident_memory_bytes');

    const identity = await scrape(lattice.subgraphs.identity!.url);
    // The gateway names the operations it sends: Me__identity__0.
    const served = { service: 'identity', operation: 'Me__identity__0', outcome: 'success' };
    expect(
      metric(identity, 'graphql_operations_total', served) -
        metric(identityBefore, 'graphql_operations_total', served),
    ).toBe(2);
  });
});
