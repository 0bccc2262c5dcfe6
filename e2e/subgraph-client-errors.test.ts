import { createLogger } from '@lattice/server-kit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { logCapture } from './support/otlp-collector';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// A subgraph that refuses what the client sent (a 4xx with GraphQL errors) is not a failing
// subgraph: its errors reach the client as they are, code included, and nothing is logged as
// an error. analytics' Date scalar refuses days that do not exist, which the gateway (for which
// Date is any string) cannot know.
let lattice: TestLattice;
let adminToken: string;
const logs = logCapture();

beforeAll(async () => {
  lattice = await startTestLattice(
    {},
    { subgraphs: ['analytics'], logger: createLogger('lattice', 'info', logs.stream) },
  );
  adminToken = await promoteToAdmin(lattice, (await registerUser(lattice)).email);
});
afterAll(() => lattice?.stop());

let sequence = 0;
async function asAdmin(query: string, variables?: Record<string, unknown>) {
  sequence += 1;
  const requestId = `subgraph-client-error-${sequence}`;
  const response = await lattice.post(
    { query, variables },
    { authorization: `Bearer ${adminToken}`, 'x-request-id': requestId },
  );
  const errorLines = logs.lines.filter(
    (line) => (line.level as number) >= 50 && line.requestId === requestId,
  );
  return { ...response, errorLines };
}

const SIGNUPS = 'query($from: Date!, $to: Date!) { signups(from: $from, to: $to) { total } }';

describe('an impossible Date on an analytics report', () => {
  it.each([
    ['2026-02-30', '2026-03-01'],
    ['2026-13-01', '2026-12-31'],
  ])('in a variable (%s) → BAD_USER_INPUT saying the day does not exist', async (from, to) => {
    const result = await asAdmin(SIGNUPS, { from, to });
    expect(result.json.data ?? null).toBeNull();
    expect(result.json.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`${from} is not a day of the calendar`),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect(result.errorLines).toEqual([]);
  });

  it('inline in the document → GRAPHQL_VALIDATION_FAILED saying the day does not exist', async () => {
    const result = await asAdmin('{ signups(from: "2026-02-30", to: "2026-03-01") { total } }');
    expect(result.json.data ?? null).toBeNull();
    expect(result.json.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('2026-02-30 is not a day of the calendar'),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);
    expect(result.errorLines).toEqual([]);
  });
});
