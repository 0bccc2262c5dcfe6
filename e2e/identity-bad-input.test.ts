import { promoteToAdmin, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let user: Awaited<ReturnType<typeof registerUser>>;
let adminToken: string;

beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
  user = await registerUser(lattice);
  const admin = await registerUser(lattice);
  adminToken = await promoteToAdmin(lattice, admin.email);
});
afterAll(() => lattice?.stop());

/** Every row count of identity's tables: bad input must leave all of them as they were. */
async function snapshot() {
  const rows = await lattice.subgraphs.identity!.orm.em.getConnection().execute<{ t: string; n: string }[]>(`
    select 'user_account' t, count(*) n from identity.user_account union all
    select 'session', count(*) from identity.session union all
    select 'revoked', count(*) from identity.session where revoked_at is not null union all
    select 'refresh_token', count(*) from identity.refresh_token union all
    select 'one_time_token', count(*) from identity.one_time_token union all
    select 'outbox_event', count(*) from identity.outbox_event union all
    select 'password_hashes', count(distinct password_hash) from identity.user_account`);
  return Object.fromEntries(rows.map((row) => [row.t, Number(row.n)]));
}

const huge = 'x'.repeat(10 * 1024);

describe('identity mutations refuse bad input with the field named, and write nothing', () => {
  it.each([
    [
      'verifyEmail with a 10 KB token',
      'mutation($t: String!) { verifyEmail(token: $t) { id } }',
      { t: huge },
      'token',
    ],
    [
      'verifyEmail with an empty token',
      'mutation($t: String!) { verifyEmail(token: $t) { id } }',
      { t: '' },
      'token',
    ],
    [
      'requestPasswordReset with a 10 KB email',
      'mutation($e: String!) { requestPasswordReset(email: $e) }',
      { e: huge },
      'email',
    ],
    [
      'resetPassword with a short password',
      'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
      { t: 'abc', p: 'short' },
      'newPassword',
    ],
    [
      'resetPassword with a 10 KB token',
      'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
      { t: huge, p: 'long enough pw' },
      'token',
    ],
    [
      'changePassword with a 10 KB new password',
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: 'correct horse battery staple', n: huge },
      'newPassword',
    ],
    [
      'changePassword with an empty current password',
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: '', n: 'long enough pw' },
      'currentPassword',
    ],
    [
      'deleteMyAccount with a 10 KB password',
      'mutation($p: String!) { deleteMyAccount(password: $p) }',
      { p: huge },
      'password',
    ],
  ])('%s', async (_case, query, variables, field) => {
    const before = await snapshot();
    const result = await lattice.post({ query, variables }, { authorization: `Bearer ${user.accessToken}` });
    expect(result.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.json.errors[0].message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a missing argument', 'mutation { verifyEmail { id } }'],
    ['a wrong enum value', `mutation { setUserStatus(userId: "x", status: ASLEEP) { id } }`],
    ['a wrong type', 'mutation { requestPasswordReset(email: 42) }'],
  ])('%s is refused before execution', async (_case, query) => {
    const before = await snapshot();
    const result = await lattice.post({ query }, { authorization: `Bearer ${adminToken}` });
    expect(result.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await snapshot()).toEqual(before);
  });

  it('admin mutations on an unknown or malformed user id → NOT_FOUND', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid', huge]) {
      const result = await lattice.post(
        { query: 'mutation($u: ID!) { setUserRole(userId: $u, role: ADMIN) { id } }', variables: { u: id } },
        { authorization: `Bearer ${adminToken}` },
      );
      expect(result.json.errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });
});
