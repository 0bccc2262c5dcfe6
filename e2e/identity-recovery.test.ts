import { PASSWORD, newEmail, registerUser } from './support/accounts';
import { countRows, latestIdentityEvent } from './support/outbox';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
});
afterAll(() => lattice?.stop());

const asUser = (token: string | undefined, query: string, variables?: unknown) =>
  lattice.post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {});
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }';
const login = (email: string, password: string) => asUser(undefined, LOGIN, { i: { email, password } });
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }';

describe('email verification', () => {
  it('verifies with the single-use token from identity.email_verification_requested', async () => {
    const user = await registerUser(lattice);
    const event = await latestIdentityEvent(lattice, 'identity.email_verification_requested', user.id);
    expect(event).toMatchObject({ userId: user.id, email: user.email, token: expect.any(String) });
    expect((await asUser(user.accessToken, '{ me { emailVerified } }')).json.data.me.emailVerified).toBe(
      false,
    );

    const verify = 'mutation($t: String!) { verifyEmail(token: $t) { id emailVerified } }';
    const verified = await asUser(undefined, verify, { t: event!.token });
    expect(verified.json.data.verifyEmail).toEqual({ id: user.id, emailVerified: true });

    const again = await asUser(undefined, verify, { t: event!.token });
    expect(again.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    expect(
      (await asUser(user.accessToken, 'mutation { resendVerification }')).json.data.resendVerification,
    ).toBe(false);
  });

  it('refuses an expired token', async () => {
    const user = await registerUser(lattice);
    const event = await latestIdentityEvent(lattice, 'identity.email_verification_requested', user.id);
    await lattice.subgraphs
      .identity!.orm.em.getConnection()
      .execute(
        `update identity.one_time_token set expires_at = now() - interval '1 second' where user_id = ?`,
        [user.id],
      );
    const result = await asUser(undefined, 'mutation($t: String!) { verifyEmail(token: $t) { id } }', {
      t: event!.token,
    });
    expect(result.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('resends at most once a minute, with retryAfter', async () => {
    const user = await registerUser(lattice);
    const result = await asUser(user.accessToken, 'mutation { resendVerification }');
    expect(result.json.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: expect.any(Number),
    });
    expect(result.json.errors[0].extensions.retryAfter).toBeGreaterThan(0);
  });
});

describe('password recovery', () => {
  const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
  const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';

  it('answers the same for an unknown email, and issues nothing', async () => {
    const before = await countRows(lattice, 'identity.one_time_token', "purpose = 'reset_password'");
    const unknown = await asUser(undefined, REQUEST, { e: newEmail('nobody') });
    expect(unknown.json).toEqual({ data: { requestPasswordReset: true } });
    expect(await countRows(lattice, 'identity.one_time_token', "purpose = 'reset_password'")).toBe(before);
  });

  it('resets with the single-use token; the old password and every session stop working', async () => {
    const user = await registerUser(lattice);
    expect((await asUser(undefined, REQUEST, { e: user.email.toUpperCase() })).json).toEqual({
      data: { requestPasswordReset: true },
    });
    const event = await latestIdentityEvent(lattice, 'identity.password_reset_requested', user.id);
    expect(event?.token).toEqual(expect.any(String));

    const weak = await asUser(undefined, RESET, { t: event!.token, p: 'short' });
    expect(weak.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });

    expect(
      (await asUser(undefined, RESET, { t: event!.token, p: 'a brand new password' })).json.data
        .resetPassword,
    ).toBe(true);
    expect(
      (await asUser(undefined, RESET, { t: event!.token, p: 'yet another password' })).json.errors[0]
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect((await asUser(undefined, REFRESH, { t: user.refreshToken })).json.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await login(user.email, PASSWORD)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await login(user.email, 'a brand new password')).json.data.login.accessToken).toEqual(
      expect.any(String),
    );
  });

  it('changes the password: the current one is checked, other sessions end, this one stays', async () => {
    const user = await registerUser(lattice);
    const other = (await login(user.email, PASSWORD)).json.data.login;
    const CHANGE =
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';

    const wrong = await asUser(user.accessToken, CHANGE, { c: 'not my password', n: 'the next password' });
    expect(wrong.json.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'currentPassword',
    });
    expect((await login(user.email, PASSWORD)).json.errors).toBeUndefined();

    expect(
      (await asUser(user.accessToken, CHANGE, { c: PASSWORD, n: 'the next password' })).json.data
        .changePassword,
    ).toBe(true);
    expect((await asUser(undefined, REFRESH, { t: other.refreshToken })).json.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await asUser(undefined, REFRESH, { t: user.refreshToken })).json.errors).toBeUndefined();
    expect((await login(user.email, 'the next password')).json.errors).toBeUndefined();
  });
});
