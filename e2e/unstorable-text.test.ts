import { createLogger } from '@lattice/server-kit';
import { PASSWORD, newEmail, promoteToAdmin, registerUser } from './support/accounts';
import { logCapture } from './support/otlp-collector';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// Text PostgreSQL cannot store — a NUL character, or a lone UTF-16 surrogate (which has no
// UTF-8 encoding) — is refused as the client's mistake wherever it appears: in variables or
// inline in the document, at any depth of an input. Nothing runs, so nothing is written.
let lattice: TestLattice;
let adminToken: string;
const logs = logCapture();

beforeAll(async () => {
  lattice = await startTestLattice(
    {},
    { subgraphs: [], logger: createLogger('lattice', 'info', logs.stream) },
  );
  adminToken = await promoteToAdmin(lattice, (await registerUser(lattice)).email);
});
afterAll(() => lattice?.stop());

/** Every row count of identity's tables (and the sign-in counters' keys): bad input leaves them as they were. */
async function snapshot() {
  const rows = await lattice.subgraphs.identity!.orm.em.getConnection().execute<{ t: string; n: string }[]>(`
    select 'user_account' t, count(*) n from identity.user_account union all
    select 'session', count(*) from identity.session union all
    select 'one_time_token', count(*) from identity.one_time_token union all
    select 'outbox_event', count(*) from identity.outbox_event`);
  return Object.fromEntries(rows.map((row) => [row.t, Number(row.n)]));
}

let sequence = 0;
async function send(query: string, variables?: Record<string, unknown>, token?: string) {
  sequence += 1;
  const requestId = `unstorable-text-${sequence}`;
  const response = await lattice.post(
    { query, variables },
    { 'x-request-id': requestId, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  );
  const errorLines = logs.lines.filter(
    (line) => (line.level as number) >= 50 && line.requestId === requestId,
  );
  return { ...response, errorLines };
}

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }';

describe('text PostgreSQL cannot store → BAD_USER_INPUT naming the field, nothing written, no error log', () => {
  it.each([
    [
      'a NUL in login’s email',
      LOGIN,
      { input: { email: 'a\u0000@example.com', password: PASSWORD } },
      'input.email',
    ],
    [
      'a NUL in requestPasswordReset’s email, inline in the document',
      'mutation { requestPasswordReset(email: "someone\\u0000@example.com") }',
      undefined,
      'email',
    ],
    [
      'a lone surrogate in register’s password',
      REGISTER,
      { input: { email: newEmail('surrogate'), password: `${PASSWORD} \ud800` } },
      'input.password',
    ],
  ])('%s', async (_case, query, variables, field) => {
    const before = await snapshot();
    const result = await send(query, variables);
    expect(result.json.data ?? null).toBeNull();
    expect(result.json.errors).toHaveLength(1);
    expect(result.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.json.errors[0].message).toContain(field);
    expect(result.errorLines).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('a NUL in the admin user search', async () => {
    const result = await send(
      'query($s: String) { users(search: $s) { edges { node { id } } } }',
      { s: 'admin\u0000' },
      adminToken,
    );
    expect(result.json.data ?? null).toBeNull();
    expect(result.json.errors).toHaveLength(1);
    expect(result.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    expect(result.errorLines).toEqual([]);
  });
});
