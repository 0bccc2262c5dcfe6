import { wsClient } from '@lattice/testkit';
import WebSocket from 'ws';
import { request } from 'node:http';
import { PASSWORD, newEmail, registerUser } from './support/accounts';
import { postToSubgraph } from './support/subgraph-requests';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// Every Argon2 verification identity makes (its module, as loaded in this process), counted.
const argon2 = jest.requireActual<typeof import('@node-rs/argon2')>('@node-rs/argon2');
const passwordChecks = jest.spyOn(argon2, 'verify');

// The test connects from 127.0.0.1, a trusted proxy, so X-Forwarded-For says which client
// address each request comes from; 127.0.0.2 is a peer the gateway does not trust.
const PER_ACCOUNT = 3;
const PER_ADDRESS = 8;
let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice(
    {
      LOGIN_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
      LOGIN_FAILURES_PER_IP: String(PER_ADDRESS),
      LOGIN_LOCK_SECONDS: '60',
      LOGIN_WINDOW_SECONDS: '60',
      TRUSTED_PROXIES: '127.0.0.1',
    },
    { subgraphs: [] },
  );
});
afterAll(() => lattice?.stop());

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const loginBody = (email: string, password: string) => ({
  query: LOGIN,
  variables: { i: { email, password } },
});

/** Signs in through the gateway, as the client at `address` behind the trusted proxy. */
const login = async (email: string, password: string, address: string) =>
  (await lattice.post(loginBody(email, password), { 'x-forwarded-for': address })).json;

/** Signs in through the gateway from `localAddress`, sending the headers given. */
function loginFrom(localAddress: string, email: string, password: string, headers: Record<string, string>) {
  const body = JSON.stringify(loginBody(email, password));
  return new Promise<any>((resolve, reject) => {
    const req = request(
      lattice.gateway.url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const codeOf = (result: any): string => result.errors?.[0]?.extensions.code ?? 'OK';

function expectThrottled(result: any) {
  expect(codeOf(result)).toBe('RATE_LIMITED');
  expect(result.errors[0].extensions.retryAfter).toBeGreaterThan(0);
  expect(result.errors[0].extensions.retryAfter).toBeLessThanOrEqual(60);
}

async function expectAtMostFreeChecks(send: () => Promise<any>) {
  passwordChecks.mockClear();
  const results = await Promise.all(Array.from({ length: 20 }, send));
  expect(passwordChecks).toHaveBeenCalledTimes(PER_ACCOUNT);
  const codes = results.map(codeOf);
  expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(PER_ACCOUNT);
  for (const result of results.filter((r) => codeOf(r) !== 'UNAUTHENTICATED')) expectThrottled(result);
}

describe('20 concurrent wrong passwords for one account', () => {
  it(`check only ${PER_ACCOUNT} passwords, through the gateway`, async () => {
    const user = await registerUser(lattice);
    await expectAtMostFreeChecks(() => login(user.email, 'wrong password', '198.51.100.20'));
  });

  it(`check only ${PER_ACCOUNT} passwords, straight at identity`, async () => {
    const user = await registerUser(lattice);
    await expectAtMostFreeChecks(async () => {
      const response = await postToSubgraph(lattice, 'identity', loginBody(user.email, 'wrong password'), {
        'x-forwarded-for': '198.51.100.21',
      });
      return response.json();
    });
  });
});

describe('sign-in throttling', () => {
  it("locks the attacker's address out of the account, not the owner signing in from elsewhere", async () => {
    const user = await registerUser(lattice);
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      expect(codeOf(await login(user.email, 'wrong password', '203.0.113.10'))).toBe('UNAUTHENTICATED');
    }
    expectThrottled(await login(user.email, PASSWORD, '203.0.113.10'));
    expect((await login(user.email, PASSWORD, '192.0.2.44')).data.login.accessToken).toEqual(
      expect.any(String),
    );
    expectThrottled(await login(user.email, 'wrong password', '203.0.113.10'));
  });

  it('throttles an address failing across accounts, for every account, and no other address', async () => {
    for (let i = 0; i < PER_ADDRESS; i += 1) await login(newEmail('spray'), 'guess', '192.0.2.7');
    const user = await registerUser(lattice);
    expectThrottled(await login(user.email, PASSWORD, '192.0.2.7'));
    expect(codeOf(await login(user.email, PASSWORD, '192.0.2.8'))).toBe('OK');
  });

  it("forgets an account's failures from an address once it signs in there", async () => {
    const user = await registerUser(lattice);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < PER_ACCOUNT - 1; i += 1) await login(user.email, 'wrong', '203.0.113.50');
      expect(codeOf(await login(user.email, PASSWORD, '203.0.113.50'))).toBe('OK');
    }
  });

  it('does not count successful sign-ins as failures of the address', async () => {
    const user = await registerUser(lattice);
    for (let i = 0; i < PER_ADDRESS - 1; i += 1) await login(newEmail('typo'), 'guess', '192.0.2.90');
    for (let i = 0; i < 3; i += 1) expect(codeOf(await login(user.email, PASSWORD, '192.0.2.90'))).toBe('OK');
    expect(codeOf(await login(newEmail('typo'), 'guess', '192.0.2.90'))).toBe('UNAUTHENTICATED');
    expectThrottled(await login(newEmail('typo'), 'guess', '192.0.2.90'));
  });
});

describe('the client address the gateway gives identity', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const user = await registerUser(lattice);
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      const forged = { 'x-forwarded-for': `198.18.0.${i}` };
      expect(codeOf(await loginFrom('127.0.0.2', user.email, 'wrong password', forged))).toBe(
        'UNAUTHENTICATED',
      );
    }
    // Every attempt counted against 127.0.0.2, whatever address it claimed.
    expectThrottled(await loginFrom('127.0.0.2', user.email, PASSWORD, { 'x-forwarded-for': '198.18.0.99' }));
  });

  it("believes a trusted proxy's X-Forwarded-For: each client address is throttled on its own", async () => {
    const user = await registerUser(lattice);
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      const forwarded = { 'x-forwarded-for': '198.18.1.1' };
      expect(codeOf(await loginFrom('127.0.0.1', user.email, 'wrong password', forwarded))).toBe(
        'UNAUTHENTICATED',
      );
    }
    expectThrottled(await loginFrom('127.0.0.1', user.email, PASSWORD, { 'x-forwarded-for': '198.18.1.1' }));
    // A client cannot slip past by prepending an address: the proxy's own entry is the last.
    const prepended = { 'x-forwarded-for': '198.18.7.7, 198.18.1.1' };
    expectThrottled(await loginFrom('127.0.0.1', user.email, PASSWORD, prepended));
    const other = { 'x-forwarded-for': '198.18.1.2' };
    expect(codeOf(await loginFrom('127.0.0.1', user.email, PASSWORD, other))).toBe('OK');
  });

  it("believes a trusted proxy's X-Forwarded-For over WebSocket too", async () => {
    const user = await registerUser(lattice);
    const overWebSocket = async (address: string, password: string) => {
      class Forwarded extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { 'x-forwarded-for': address } });
        }
      }
      const client = wsClient(lattice.gateway.url, undefined, { webSocketImpl: Forwarded });
      try {
        return await new Promise<any>((resolve, reject) => {
          let result: unknown;
          client.subscribe(loginBody(user.email, password), {
            next: (value) => (result = value),
            error: reject,
            complete: () => resolve(result),
          });
        });
      } finally {
        await client.dispose();
      }
    };
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      expect(codeOf(await overWebSocket('198.18.2.1', 'wrong password'))).toBe('UNAUTHENTICATED');
    }
    expectThrottled(await overWebSocket('198.18.2.1', PASSWORD));
    expect(codeOf(await overWebSocket('198.18.2.2', PASSWORD))).toBe('OK');
  });
});
