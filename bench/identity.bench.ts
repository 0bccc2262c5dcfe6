/**
 * Identity throughput through the gateway: `login` (Argon2id verification dominates) and
 * `me { profile }` (identity + accounts), in one run.
 *   npm run bench:identity            (BENCH_SECONDS, BENCH_CONNECTIONS to tune)
 */
import { drive, printTable, serveLattice } from './harness';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PASSWORD = 'benchmark password';

async function graphql(url: string, query: string, variables: unknown, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: any; errors?: unknown };
  if (json.errors) throw new Error(`unexpected answer: ${JSON.stringify(json.errors)}`);
  return json.data;
}

async function main(): Promise<void> {
  const lattice = await serveLattice();
  try {
    const email = `bench-${Date.now()}@example.com`;
    const { register } = await graphql(
      lattice.gateway,
      'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }',
      { i: { email, password: PASSWORD } },
    );
    const token = register.accessToken as string;
    // The profile appears once accounts has consumed the registration event.
    for (let i = 0; i < 50; i += 1) {
      const { me } = await graphql(lattice.gateway, '{ me { profile { displayName } } }', {}, token);
      if (me.profile) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const login = {
      query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
      variables: { i: { email, password: PASSWORD } },
    };
    const me = { query: '{ me { id email role profile { displayName } } }' };
    console.log(`load: ${connections} connections, ${seconds}s per target (after a 2s warm-up)`);
    await drive(
      'warm-up',
      lattice.gateway,
      me,
      { authorization: `Bearer ${token}` },
      { seconds: 2, connections },
    );
    printTable([
      await drive('gateway: login', lattice.gateway, login, {}, { seconds, connections }),
      await drive(
        'gateway: me { profile }',
        lattice.gateway,
        me,
        { authorization: `Bearer ${token}` },
        { seconds, connections },
      ),
    ]);
  } finally {
    await lattice.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
