import { PASSWORD, newEmail, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice(
    {
      LOGIN_FAILURES_PER_ACCOUNT: '3',
      LOGIN_FAILURES_PER_IP: '8',
      LOGIN_WINDOW_SECONDS: '60',
    },
    { subgraphs: ['accounts'] },
  );
});
afterAll(() => lattice?.stop());

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const login = (email: string, password: string, ip = '203.0.113.1') =>
  // The gateway forwards the socket address; straight at identity the test can choose one.
  fetch(lattice.subgraphs.identity!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: LOGIN, variables: { i: { email, password } } }),
  }).then((response) => response.json() as Promise<any>);

describe('sign-in throttling', () => {
  it('locks an account after repeated failures, even for the right password, with retryAfter', async () => {
    const user = await registerUser(lattice);
    for (let i = 0; i < 3; i += 1) {
      expect((await login(user.email, 'wrong password', `198.51.100.${i}`)).errors[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const locked = await login(user.email, PASSWORD, '198.51.100.99');
    expect(locked.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(locked.errors[0].extensions.retryAfter).toBeGreaterThan(0);
    expect(locked.errors[0].extensions.retryAfter).toBeLessThanOrEqual(60);
  });

  it('limits failures per IP across accounts, and not other IPs', async () => {
    for (let i = 0; i < 8; i += 1) await login(newEmail('spray'), 'guess', '192.0.2.7');
    const user = await registerUser(lattice);
    expect((await login(user.email, PASSWORD, '192.0.2.7')).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await login(user.email, PASSWORD, '192.0.2.8')).data.login.accessToken).toEqual(
      expect.any(String),
    );
  });

  it('a success clears the account counter', async () => {
    const user = await registerUser(lattice);
    await login(user.email, 'wrong', '203.0.113.50');
    await login(user.email, 'wrong', '203.0.113.50');
    expect((await login(user.email, PASSWORD, '203.0.113.50')).errors).toBeUndefined();
    await login(user.email, 'wrong', '203.0.113.50');
    await login(user.email, 'wrong', '203.0.113.50');
    expect((await login(user.email, PASSWORD, '203.0.113.50')).errors).toBeUndefined();
  });

  it('counts through the gateway too (one client address)', async () => {
    const user = await registerUser(lattice);
    for (let i = 0; i < 3; i += 1) {
      await lattice.post({ query: LOGIN, variables: { i: { email: user.email, password: 'nope' } } });
    }
    const locked = await lattice.post({
      query: LOGIN,
      variables: { i: { email: user.email, password: PASSWORD } },
    });
    expect(locked.json.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
