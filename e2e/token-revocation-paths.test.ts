import { waitFor } from '@lattice/testkit';
import { PASSWORD, registerUser } from './support/accounts';
import { latestIdentityEvent } from './support/outbox';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// Every way a session ends, its access token stops working at once (not when it expires).
let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: [] });
});
afterAll(() => lattice?.stop());

const as = (token: string | undefined, query: string, variables?: unknown) =>
  lattice.post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {});
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }';
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }';

/** A second session of the user: its tokens. */
async function signIn(email: string, password = PASSWORD) {
  return (await as(undefined, LOGIN, { i: { email, password } })).json.data.login as {
    accessToken: string;
    refreshToken: string;
  };
}

const works = async (token: string) => (await as(token, '{ me { id } }')).status === 200;

function refusedWithinASecond(token: string, message = 'Access token revoked: the session has ended') {
  return waitFor(
    async () => {
      const { status, json } = await as(token, '{ me { id } }');
      return (
        status === 401 &&
        json.errors[0].extensions.code === 'UNAUTHENTICATED' &&
        json.errors[0].message === message
      );
    },
    { timeoutMs: 1_000, intervalMs: 50, message: `the token to be refused (${message})` },
  );
}

describe('ended sessions lose their access tokens at once', () => {
  it('revokeSession: the revoked session only', async () => {
    const user = await registerUser(lattice);
    const other = await signIn(user.email);
    const sessions = await as(user.accessToken, '{ sessions(first: 5) { edges { node { id current } } } }');
    const otherId = sessions.json.data.sessions.edges.find((edge: any) => !edge.node.current).node.id;
    await as(user.accessToken, 'mutation($id: ID!) { revokeSession(id: $id) }', { id: otherId });
    await refusedWithinASecond(other.accessToken);
    expect(await works(user.accessToken)).toBe(true);
  });

  it('logoutAll: every session', async () => {
    const user = await registerUser(lattice);
    const other = await signIn(user.email);
    expect((await as(user.accessToken, 'mutation { logoutAll }')).json.data.logoutAll).toBe(2);
    await refusedWithinASecond(user.accessToken);
    await refusedWithinASecond(other.accessToken);
  });

  it('changePassword: every other session', async () => {
    const user = await registerUser(lattice);
    const other = await signIn(user.email);
    const changed = await as(
      user.accessToken,
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: PASSWORD, n: 'another long password' },
    );
    expect(changed.json.errors).toBeUndefined();
    await refusedWithinASecond(other.accessToken);
    expect(await works(user.accessToken)).toBe(true);
  });

  it('resetPassword: every session', async () => {
    const user = await registerUser(lattice);
    await as(undefined, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: user.email });
    const { token } = (await latestIdentityEvent(lattice, 'identity.password_reset_requested', user.id))!;
    const reset = await as(
      undefined,
      'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }',
      {
        t: token,
        p: 'a brand new password',
      },
    );
    expect(reset.json.errors).toBeUndefined();
    await refusedWithinASecond(user.accessToken);
  });

  it('a reused refresh token: the whole session, its newest access token included', async () => {
    const user = await registerUser(lattice);
    const rotated = (await as(undefined, REFRESH, { t: user.refreshToken })).json.data.refreshToken;
    expect(await works(rotated.accessToken)).toBe(true);
    const replay = await as(undefined, REFRESH, { t: user.refreshToken });
    expect(replay.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await refusedWithinASecond(rotated.accessToken);
  });

  it('deleting the account: every session', async () => {
    const user = await registerUser(lattice);
    const other = await signIn(user.email);
    await as(user.accessToken, 'mutation($p: String!) { deleteMyAccount(password: $p) }', { p: PASSWORD });
    await refusedWithinASecond(other.accessToken, 'Access token revoked: the account is deleted');
  });
});
