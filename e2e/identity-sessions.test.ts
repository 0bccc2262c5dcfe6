import { registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
});
afterAll(() => lattice?.stop());

const REFRESH =
  'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken user { id } } }';
const refresh = (token: string) => lattice.post({ query: REFRESH, variables: { t: token } });
const asUser = (token: string, query: string, variables?: unknown) =>
  lattice.post({ query, variables }, { authorization: `Bearer ${token}` });
const SESSIONS =
  '{ sessions(first: 10) { edges { node { id current userAgent } } pageInfo { hasNextPage } } }';

describe('refresh tokens, sessions and sign-out', () => {
  it('rotates the refresh token on every use', async () => {
    const user = await registerUser(lattice);
    const first = await refresh(user.refreshToken);
    expect(first.json.errors).toBeUndefined();
    const rotated = first.json.data.refreshToken;
    expect(rotated.user.id).toBe(user.id);
    expect(rotated.refreshToken).not.toBe(user.refreshToken);

    const second = await refresh(rotated.refreshToken);
    expect(second.json.data.refreshToken.user.id).toBe(user.id);
  });

  it('a reused refresh token ends the whole family, including the newest token', async () => {
    const user = await registerUser(lattice);
    const stolen = user.refreshToken;
    const legit = (await refresh(stolen)).json.data.refreshToken;

    const replay = await refresh(stolen);
    expect(replay.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(replay.json.errors[0].message).toMatch(/already used/);

    const afterReuse = await refresh(legit.refreshToken);
    expect(afterReuse.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const alerts = await lattice.subgraphs
      .identity!.orm.em.getConnection()
      .execute(
        `select data from identity.outbox_event where type = 'identity.security_alert' and subject = ?`,
        [user.id],
      );
    expect(alerts).toHaveLength(1);
  });

  it('concurrent uses of one refresh token: exactly one wins', async () => {
    const user = await registerUser(lattice);
    const results = await Promise.all([1, 2, 3].map(() => refresh(user.refreshToken)));
    expect(results.filter((result) => !result.json.errors)).toHaveLength(1);
  });

  it('refuses garbage and oversized refresh tokens', async () => {
    for (const token of ['nope', 'x'.repeat(10 * 1024)]) {
      expect((await refresh(token)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lists my sessions, marks the current one, and revokes another', async () => {
    const user = await registerUser(lattice);
    const login = await lattice.post(
      {
        query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }',
        variables: { i: { email: user.email, password: 'correct horse battery staple' } },
      },
      { 'user-agent': 'second-device/1.0' },
    );
    const second = login.json.data.login;
    const list = (await asUser(user.accessToken, SESSIONS)).json.data.sessions.edges.map((e: any) => e.node);
    expect(list).toHaveLength(2);
    expect(list.filter((s: any) => s.current)).toHaveLength(1);
    const other = list.find((s: any) => !s.current);
    expect(other.userAgent).toBe('second-device/1.0');

    const revoked = await asUser(user.accessToken, 'mutation($id: ID!) { revokeSession(id: $id) }', {
      id: other.id,
    });
    expect(revoked.json.data.revokeSession).toBe(true);
    expect((await refresh(second.refreshToken)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await asUser(user.accessToken, SESSIONS)).json.data.sessions.edges).toHaveLength(1);
  });

  it("cannot see or revoke another user's session", async () => {
    const alice = await registerUser(lattice);
    const bob = await registerUser(lattice);
    const aliceSession = (await asUser(alice.accessToken, SESSIONS)).json.data.sessions.edges[0].node.id;
    expect(
      (await asUser(bob.accessToken, SESSIONS)).json.data.sessions.edges.map((e: any) => e.node.id),
    ).not.toContain(aliceSession);
    const attempt = await asUser(bob.accessToken, 'mutation($id: ID!) { revokeSession(id: $id) }', {
      id: aliceSession,
    });
    expect(attempt.json.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await refresh(alice.refreshToken)).json.errors).toBeUndefined();
  });

  it('logout ends the current session; logoutAll ends them all', async () => {
    const user = await registerUser(lattice);
    expect((await asUser(user.accessToken, 'mutation { logout }')).json.data.logout).toBe(true);
    expect((await refresh(user.refreshToken)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const other = await registerUser(lattice);
    const again = (await refresh(other.refreshToken)).json.data.refreshToken;
    const ended = await asUser(again.accessToken, 'mutation { logoutAll }');
    expect(ended.json.data.logoutAll).toBe(1);
    expect((await refresh(again.refreshToken)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('requires a signed-in caller for session operations', async () => {
    for (const query of [SESSIONS, 'mutation { logout }', 'mutation { logoutAll }']) {
      expect((await lattice.post({ query })).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
