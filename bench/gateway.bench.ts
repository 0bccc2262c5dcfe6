/**
 * Gateway overhead baseline: the same signed-in `me` query through the gateway (identity +
 * accounts) and straight at the identity subgraph, in one run, one after the other.
 *   npm run bench:gateway            (BENCH_SECONDS, BENCH_CONNECTIONS to tune)
 */
import { drive, printTable, serveLattice } from './harness';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function signUp(gateway: string): Promise<string> {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
      variables: { input: { email: `bench-${Date.now()}@example.com`, password: 'benchmark password' } },
    }),
  });
  const { data } = (await response.json()) as { data: { register: { accessToken: string } } };
  return data.register.accessToken;
}

async function main(): Promise<void> {
  const lattice = await serveLattice();
  try {
    const token = await signUp(lattice.gateway);
    const auth = { authorization: `Bearer ${token}` };
    const viaGateway = { query: '{ me { id email role profile { displayName } } }' };
    const direct = { query: '{ me { id email role } }' };
    const identity = lattice.subgraphs.identity!;
    console.log(`load: ${connections} connections, ${seconds}s per target (after a 2s warm-up each)`);
    await drive('warm-up', lattice.gateway, viaGateway, auth, { seconds: 2, connections });
    await drive('warm-up', identity, direct, auth, { seconds: 2, connections });
    const results = [
      await drive('gateway: me { profile } (identity + accounts)', lattice.gateway, viaGateway, auth, {
        seconds,
        connections,
      }),
      await drive('identity subgraph directly: me', identity, direct, auth, { seconds, connections }),
    ];
    printTable(results);
  } finally {
    await lattice.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
