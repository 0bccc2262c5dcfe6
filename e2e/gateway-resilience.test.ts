import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gatewayConfigFromEnv, type RunningGateway, startGateway } from '@lattice/gateway';
import type { RunningSubgraph } from '@lattice/subgraph-kit';
import { waitFor } from '@lattice/testkit';
import { registerUser } from './support/accounts';
import { SUPERGRAPH, startTestLattice, type TestLattice } from './support/test-lattice';

const RESET_MS = 1500;
let lattice: TestLattice;
let user: Awaited<ReturnType<typeof registerUser>>;
let revived: RunningSubgraph | undefined;

beforeAll(async () => {
  lattice = await startTestLattice({
    SUBGRAPH_TIMEOUT_MS: '2000',
    SUBGRAPH_RETRIES: '1',
    CIRCUIT_FAILURE_THRESHOLD: '3',
    CIRCUIT_RESET_MS: String(RESET_MS),
  });
  user = await registerUser(lattice);
});
afterAll(async () => {
  await revived?.close();
  await lattice?.stop();
});

const ME = '{ me { id email profile { displayName } } }';
const auth = () => ({ authorization: `Bearer ${user.accessToken}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url: string, query: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth() },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, json: (await response.json()) as any };
}

/** The value of the sample of `name` with these labels in the gateway's /metrics (0 when absent). */
async function metric(graphqlUrl: string, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(new URL('/metrics', graphqlUrl))).text();
  return text
    .split('\n')
    .filter(
      (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    )
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}
const circuitState = (url: string) => metric(url, 'subgraph_circuit_state', { subgraph: 'accounts' });
const retries = (url: string) => metric(url, 'subgraph_fetch_retries_total', { subgraph: 'accounts' });

/** The partial answer of ME when accounts cannot answer: identity's fields, a null profile. */
function expectProfileUnavailable(result: { status: number; json: any }) {
  expect(result.status).toBe(200);
  expect(result.json.data).toEqual({ me: { id: user.id, email: user.email, profile: null } });
  expect(result.json.errors).toEqual([
    expect.objectContaining({
      path: ['me', 'profile'],
      extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'accounts' }),
    }),
  ]);
}

describe('a subgraph that goes away', () => {
  it('gives partial data, opens its circuit, fails fast, then closes it when the subgraph is back', async () => {
    const gatewayUrl = lattice.gateway.url;
    await waitFor(async () => (await post(gatewayUrl, ME)).json.data?.me?.profile != null, {
      message: 'the profile',
    });
    expect(await circuitState(gatewayUrl)).toBe(0);

    const accounts = lattice.subgraphs.accounts!;
    const port = accounts.port;
    await accounts.close();

    // Below the threshold: every query reaches for accounts (and is retried once), and fails.
    const retriesBefore = await retries(gatewayUrl);
    expectProfileUnavailable(await post(gatewayUrl, ME));
    expect(await circuitState(gatewayUrl)).toBe(0);
    expect((await retries(gatewayUrl)) - retriesBefore).toBe(1);
    expectProfileUnavailable(await post(gatewayUrl, ME));
    expectProfileUnavailable(await post(gatewayUrl, ME)); // the third consecutive failure opens it
    expect(await circuitState(gatewayUrl)).toBe(2);
    const retriesWhenOpened = await retries(gatewayUrl);

    // Open: fail fast, without even a connection attempt (a listener on the port counts them).
    let connections = 0;
    const listener = createTcpServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(port, '127.0.0.1', resolve));
    const openedAt = Date.now();
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      expectProfileUnavailable(await post(gatewayUrl, ME));
      expect(Date.now() - started).toBeLessThan(500);
    }
    expect(Date.now() - openedAt).toBeLessThan(RESET_MS); // still within the open period
    expect(connections).toBe(0);
    await new Promise<void>((resolve) => listener.close(() => resolve()));

    // After the reset period, one probe goes through; it fails (still down): open again, no retry.
    await sleep(RESET_MS + 100);
    expectProfileUnavailable(await post(gatewayUrl, ME));
    expect(await circuitState(gatewayUrl)).toBe(2);
    expect(await retries(gatewayUrl)).toBe(retriesWhenOpened);

    // accounts comes back on the same port: the next probe succeeds and closes the circuit.
    revived = await lattice.restartSubgraph('accounts', port);
    expect(await circuitState(gatewayUrl)).toBe(2);
    await sleep(RESET_MS + 100);
    const back = await post(gatewayUrl, ME);
    expect(back.json.errors).toBeUndefined();
    expect(back.json.data.me.profile).toEqual({ displayName: expect.any(String) });
    expect(await circuitState(gatewayUrl)).toBe(0);
    expect(revived.requests.count).toBe(1);
  });
});

describe('retries and timeouts against a misbehaving subgraph', () => {
  type Mode = 'unavailable' | 'graphql-error' | 'slow';
  let mode: Mode = 'unavailable';
  const received: { operation: string; abandoned: boolean }[] = [];
  let stub: Server;
  let gateway: RunningGateway;

  beforeAll(async () => {
    // Stands in for accounts: 503, a 200 with GraphQL errors, or an answer after 5 seconds.
    stub = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const entry = { operation: String(JSON.parse(body).query), abandoned: false };
        received.push(entry);
        if (mode === 'unavailable') {
          res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        } else if (mode === 'graphql-error') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              data: null,
              errors: [{ message: 'nope', extensions: { code: 'FORBIDDEN' } }],
            }),
          );
        } else {
          const timer = setTimeout(() => res.writeHead(503).end(), 5000);
          res.on('close', () => {
            clearTimeout(timer);
            entry.abandoned = !res.writableFinished;
          });
        }
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
    gateway = await startGateway({
      ...gatewayConfigFromEnv({
        SUPERGRAPH_PATH: SUPERGRAPH,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SUBGRAPH_SECRET: lattice.subgraphSecret,
        SUBGRAPH_TIMEOUT_MS: '300',
        SUBGRAPH_RETRIES: '2',
        CIRCUIT_FAILURE_THRESHOLD: '1000',
      }),
      subgraphUrls: { identity: lattice.subgraphs.identity!.url, accounts: stubUrl },
      jwksUrl: new URL('/.well-known/jwks.json', lattice.subgraphs.identity!.url).toString(),
    });
  });
  afterAll(async () => {
    await gateway?.close();
    stub?.closeAllConnections();
    await new Promise((resolve) => stub?.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
  });

  it('retries a query on 503 SUBGRAPH_RETRIES times, then answers SUBGRAPH_UNAVAILABLE', async () => {
    mode = 'unavailable';
    const before = await retries(gateway.url);
    expectProfileUnavailable(await post(gateway.url, ME));
    expect(received).toHaveLength(3);
    expect((await retries(gateway.url)) - before).toBe(2);
  });

  it('never retries a mutation', async () => {
    mode = 'unavailable';
    const before = await retries(gateway.url);
    const result = await post(
      gateway.url,
      'mutation { updateProfile(input: { displayName: "Ada" }) { displayName } }',
    );
    expect(result.json.data).toBeNull();
    expect(result.json.errors).toEqual([
      expect.objectContaining({
        path: ['updateProfile'],
        extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'accounts' }),
      }),
    ]);
    expect(received).toHaveLength(1);
    expect(received[0]!.operation).toMatch(/^mutation/);
    expect(await retries(gateway.url)).toBe(before);
  });

  it('never retries a 200 answer carrying GraphQL errors', async () => {
    mode = 'graphql-error';
    const result = await post(gateway.url, ME);
    expect(received).toHaveLength(1);
    expect(result.json.data.me).toMatchObject({ id: user.id, profile: null });
    expect(result.json.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('cuts a slow subgraph at the timeout, aborting the request, and retries the query', async () => {
    mode = 'slow';
    const started = Date.now();
    expectProfileUnavailable(await post(gateway.url, ME));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900); // three attempts of 300 ms
    expect(elapsed).toBeLessThan(2500); // far from the stub's 5 s
    expect(received).toHaveLength(3);
    // Each attempt's HTTP request was aborted by the gateway, not left hanging.
    await waitFor(() => received.every((entry) => entry.abandoned), { message: 'aborted requests' });
  });
});
