import { LoginDocument } from '@lattice/client';
import { createLogger } from '@lattice/server-kit';
import { PASSWORD, registerUser } from './support/accounts';
import { logCapture } from './support/otlp-collector';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// Every service of the supergraph logs through one capturing pino logger, at debug level
// (each GraphQL request served writes one access line at debug). Tracing is off here.
let lattice: TestLattice;
const logs = logCapture();

beforeAll(async () => {
  lattice = await startTestLattice(
    {},
    { subgraphs: ['accounts'], logger: createLogger('lattice', 'debug', logs.stream) },
  );
});
afterAll(() => lattice?.stop());

const ME = 'query Observed { me { email profile { displayName } } }';

describe('log lines written while serving a request', () => {
  it('carry its request id and operation name, in the gateway and in every subgraph', async () => {
    const user = await registerUser(lattice);
    await lattice.client().request(LoginDocument, { input: { email: user.email, password: PASSWORD } });
    const requestId = 'observability-log-1';
    const response = await lattice.post(
      { query: ME },
      { authorization: `Bearer ${user.accessToken}`, 'x-request-id': requestId },
    );
    expect(response.json.data.me.email).toBe(user.email);

    const lines = logs.lines.filter((line) => line.requestId === requestId);
    const served = (where: Record<string, unknown>) =>
      lines.find(
        (line) =>
          line.msg === 'graphql request served' &&
          Object.entries(where).every(([key, value]) => line[key] === value),
      );
    expect(served({ component: 'gateway' })).toMatchObject({ operationName: 'Observed', outcome: 'success' });
    expect(served({ subgraph: 'identity' })).toMatchObject({ operationName: 'Observed__identity__0' });
    expect(served({ subgraph: 'accounts' })).toMatchObject({ operationName: 'Observed__accounts__1' });

    // Any line with a request id (whoever wrote it) has the operation name too, once only.
    const inRequests = logs.lines.filter((line) => 'requestId' in line);
    expect(inRequests.length).toBeGreaterThan(3);
    for (const line of inRequests) {
      expect(line).toHaveProperty('operationName');
      expect(line).not.toHaveProperty('traceId'); // tracing is off
    }
    for (const raw of logs.raw.filter((line) => line.includes(requestId))) {
      expect(raw.match(/"requestId"/g)).toHaveLength(1);
    }

    // Nothing secret is logged: not the password, not the tokens, not the authorization header.
    const all = logs.raw.join('');
    for (const secret of [PASSWORD, user.accessToken, user.refreshToken, 'Bearer']) {
      expect(all).not.toContain(secret);
    }
  });

  it('include what the gateway itself reports during the request', async () => {
    const user = await registerUser(lattice);
    await lattice.subgraphs.accounts!.close();
    const requestId = 'observability-log-2';
    const response = await lattice.post(
      { query: ME },
      { authorization: `Bearer ${user.accessToken}`, 'x-request-id': requestId },
    );
    expect(response.json.data.me.email).toBe(user.email);
    expect(response.json.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    const warning = logs.lines.find(
      (line) => line.msg === 'subgraph unavailable' && line.requestId === requestId,
    );
    expect(warning).toMatchObject({ operationName: 'Observed', subgraph: 'accounts', level: 40 });
    expect(logs.raw.join('')).not.toContain(user.accessToken);
  });
});
