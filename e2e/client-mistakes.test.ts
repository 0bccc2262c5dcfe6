import { createHash } from 'node:crypto';
import { createLogger } from '@lattice/server-kit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { logCapture } from './support/otlp-collector';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// Requests that are the client's mistake: each is answered with a 4xx and a stable code the
// client can act on, never as an internal error, and nothing about it is logged at error level.
let lattice: TestLattice;
let adminToken: string;
const logs = logCapture();

beforeAll(async () => {
  lattice = await startTestLattice(
    {},
    { subgraphs: ['analytics'], logger: createLogger('lattice', 'info', logs.stream) },
  );
  // Signed in as an admin, so that nothing but the mistake itself can refuse these requests.
  adminToken = await promoteToAdmin(lattice, (await registerUser(lattice)).email);
});
afterAll(() => lattice?.stop());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const TWO_OPERATIONS = 'query A { me { id } } query B { me { email } }';

let sequence = 0;
async function send(body: unknown) {
  sequence += 1;
  const requestId = `client-mistake-${sequence}`;
  const response = await lattice.post(body, {
    'x-request-id': requestId,
    authorization: `Bearer ${adminToken}`,
  });
  const errorLines = logs.lines.filter(
    (line) => (line.level as number) >= 50 && line.requestId === requestId,
  );
  return { ...response, errorLines };
}

describe('client mistakes get a 4xx with a stable code and are not logged as errors', () => {
  it.each([
    ['two operations without an operationName', { query: TWO_OPERATIONS }, 'OPERATION_RESOLUTION_FAILURE'],
    [
      'an operationName the document does not define',
      { query: TWO_OPERATIONS, operationName: 'C' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'a subscription POSTed as plain JSON',
      { query: 'subscription { liveStats { usersTotal } }' },
      'BAD_REQUEST',
    ],
    [
      'a persisted-query hash that does not match the query',
      {
        query: '{ me { id } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('something else') } },
      },
      'PERSISTED_QUERY_HASH_MISMATCH',
    ],
  ])('%s', async (_case, body, code) => {
    const result = await send(body);
    expect(result.status).toBe(400);
    expect(result.json.data).toBeUndefined();
    expect(result.json.errors).toEqual([
      expect.objectContaining({ message: expect.any(String), extensions: { code } }),
    ]);
    expect(result.json.errors[0].message).not.toMatch(/internal/i);
    expect(result.errorLines).toEqual([]);
  });
});
