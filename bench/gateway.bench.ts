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

/** Load figures mean nothing if the answers are wrong: check one answer first. */
async function expectMe(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  field: 'profile' | 'email',
) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as {
      data?: { me?: Record<string, unknown> | null };
      errors?: unknown;
    };
    if (!json.errors && json.data?.me?.[field]) return;
    // The profile appears once accounts has consumed the registration event.
    if (attempt === 50) throw new Error(`unexpected answer from ${url}: ${JSON.stringify(json)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const lattice = await serveLattice();
  try {
    const token = await signUp(lattice.gateway);
    const auth = { authorization: `Bearer ${token}` };
    const viaGateway = { query: '{ me { id email role profile { displayName } } }' };
    const direct = { query: '{ me { id email role } }' };
    const identity = lattice.subgraphs.identity!;
    await expectMe(lattice.gateway, viaGateway, auth, 'profile');
    await expectMe(identity, direct, auth, 'email');
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
