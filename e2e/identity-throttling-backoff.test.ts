import { setTimeout as sleep } from 'node:timers/promises';
import { PASSWORD, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// Locks of two seconds, doubling: short enough to sit out in a test, long enough to outlast a
// password check on a loaded CI machine. The test connects from
// 127.0.0.1, a trusted proxy, so X-Forwarded-For is the client address.
let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice(
    {
      LOGIN_FAILURES_PER_ACCOUNT: '2',
      LOGIN_LOCK_SECONDS: '2',
      LOGIN_MAX_LOCK_SECONDS: '60',
      TRUSTED_PROXIES: '127.0.0.1',
    },
    { subgraphs: [] },
  );
});
afterAll(() => lattice?.stop());

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const login = async (email: string, password: string, address: string) => {
  const { json } = await lattice.post(
    { query: LOGIN, variables: { i: { email, password } } },
    { 'x-forwarded-for': address },
  );
  return json.errors?.[0]?.extensions ?? { code: 'OK' };
};

it('locks the failing address out longer after each further failure', async () => {
  const user = await registerUser(lattice);
  const attacker = '203.0.113.77';
  for (let i = 0; i < 2; i += 1)
    expect((await login(user.email, 'guess', attacker)).code).toBe('UNAUTHENTICATED');
  const locks: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    const refused = await login(user.email, 'guess', attacker);
    expect(refused.code).toBe('RATE_LIMITED');
    locks.push(refused.retryAfter);
    if (round === 2) break;
    expect(refused.retryAfter).toBeLessThanOrEqual(4); // 2 s, then 4 s
    await sleep(refused.retryAfter * 1000 + 100);
    expect((await login(user.email, 'guess', attacker)).code).toBe('UNAUTHENTICATED');
  }
  // 2 s, 4 s, 8 s — each answered just after the failure that set it.
  expect(locks[1]).toBeGreaterThan(locks[0]!);
  expect(locks[2]).toBeGreaterThan(locks[1]!);
  // Meanwhile the owner, elsewhere, was never locked out.
  expect((await login(user.email, PASSWORD, '192.0.2.200')).code).toBe('OK');
}, 60_000);
