import { waitFor } from '@lattice/testkit';
import { PASSWORD, promoteToAdmin, registerUser } from './support/accounts';
import { countRows } from './support/outbox';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let adminToken: string;
let admin: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  lattice = await startTestLattice({ ACCESS_TOKEN_TTL_SECONDS: '5' }, { subgraphs: ['accounts'] });
  admin = await registerUser(lattice);
  adminToken = await promoteToAdmin(lattice, admin.email);
});
afterAll(() => lattice?.stop());

const as = (token: string | undefined, query: string, variables?: unknown) =>
  lattice.post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {});
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }';
const USERS = `query($filter: UserFilter, $search: String, $first: Int, $after: String) {
  users(filter: $filter, search: $search, first: $first, after: $after) {
    edges { cursor node { id email role status } } pageInfo { hasNextPage endCursor } } }`;
const SET_STATUS =
  'mutation($u: ID!, $s: AccountStatus!) { setUserStatus(userId: $u, status: $s) { id status } }';
const SET_ROLE = 'mutation($u: ID!, $r: Role!) { setUserRole(userId: $u, role: $r) { id role } }';

describe('admin operations', () => {
  it('are refused to anonymous callers and to non-admins, and change nothing', async () => {
    const user = await registerUser(lattice);
    for (const [query, variables] of [
      [USERS, {}],
      [SET_ROLE, { u: user.id, r: 'ADMIN' }],
      [SET_STATUS, { u: admin.id, s: 'BANNED' }],
      ['mutation { rotateSigningKey }', {}],
    ] as const) {
      expect((await as(undefined, query, variables)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await as(user.accessToken, query, variables)).json.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await as(user.accessToken, '{ me { role } }')).json.data.me.role).toBe('USER');
  });

  it('lists users newest first, filtered, searched and paginated', async () => {
    const marker = `needle${Date.now()}`;
    const found = [];
    for (let i = 0; i < 3; i += 1) found.push(await registerUser(lattice, `${marker}-${i}@example.com`));
    const page1 = (await as(adminToken, USERS, { search: marker, first: 2 })).json.data.users;
    expect(page1.edges.map((e: any) => e.node.email)).toEqual([
      `${marker}-2@example.com`,
      `${marker}-1@example.com`,
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await as(adminToken, USERS, { search: marker, first: 2, after: page1.pageInfo.endCursor }))
      .json.data.users;
    expect(page2.edges.map((e: any) => e.node.email)).toEqual([`${marker}-0@example.com`]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const admins = (await as(adminToken, USERS, { filter: { role: 'ADMIN' }, first: 50 })).json.data.users
      .edges;
    expect(admins.map((e: any) => e.node.id)).toEqual([admin.id]);
    const wildcard = (await as(adminToken, USERS, { search: '%', first: 5 })).json.data.users.edges;
    expect(wildcard).toEqual([]);

    const badCursor = await as(adminToken, USERS, { after: 'not-a-cursor' });
    expect(badCursor.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const tooMany = await as(adminToken, USERS, { first: 1000 });
    expect(tooMany.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('changes roles; the new role is in the next token', async () => {
    const user = await registerUser(lattice);
    expect((await as(adminToken, SET_ROLE, { u: user.id, r: 'MODERATOR' })).json.data.setUserRole.role).toBe(
      'MODERATOR',
    );
    const relogin = await as(undefined, LOGIN, { i: { email: user.email, password: PASSWORD } });
    expect((await as(relogin.json.data.login.accessToken, '{ me { role } }')).json.data.me.role).toBe(
      'MODERATOR',
    );
  });

  it('refuses to let an admin change their own role or status', async () => {
    const own = await as(adminToken, SET_ROLE, { u: admin.id, r: 'USER' });
    expect(own.json.errors[0].extensions.code).toBe('CONFLICT');
    expect(
      (await as(adminToken, SET_STATUS, { u: admin.id, s: 'BANNED' })).json.errors[0].extensions.code,
    ).toBe('CONFLICT');
  });

  it('a banned user: refresh fails at once, sign-in is refused, the access token is refused at once', async () => {
    const user = await registerUser(lattice);
    expect(
      (await as(adminToken, SET_STATUS, { u: user.id, s: 'BANNED' })).json.data.setUserStatus.status,
    ).toBe('BANNED');

    const refresh = await as(
      undefined,
      'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }',
      {
        t: user.refreshToken,
      },
    );
    expect(refresh.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const signIn = await as(undefined, LOGIN, { i: { email: user.email, password: PASSWORD } });
    expect(signIn.json.errors[0]).toMatchObject({
      message: 'This account is banned',
      extensions: { code: 'FORBIDDEN' },
    });

    // Revoked through the bus, not by its expiry: within a second, well before its 5 s lifetime.
    const me = await waitFor(
      async () => {
        const answer = await as(user.accessToken, '{ me { id } }');
        return answer.status === 401 ? answer : undefined;
      },
      { timeoutMs: 1_000, message: "the banned user's token to be refused" },
    );
    expect(me.status).toBe(401);
    expect(me.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    await new Promise((resolve) => setTimeout(resolve, 6000)); // ACCESS_TOKEN_TTL_SECONDS=5
    // The admin's own 5-second token has expired: sign in again.
    adminToken = (await as(undefined, LOGIN, { i: { email: admin.email, password: PASSWORD } })).json.data
      .login.accessToken;
    expect(
      (await as(adminToken, SET_STATUS, { u: user.id, s: 'ACTIVE' })).json.data.setUserStatus.status,
    ).toBe('ACTIVE');
    expect(
      (await as(undefined, LOGIN, { i: { email: user.email, password: PASSWORD } })).json.errors,
    ).toBeUndefined();
  }, 20_000);

  it('deleting an account erases its personal data and keeps its id', async () => {
    const user = await registerUser(lattice);
    const profiles = () => countRows(lattice, 'accounts.profile', 'user_id = ?', [user.id]);
    await waitFor(async () => (await profiles()) === 1, { message: 'the profile from registration' });
    const wrong = await as(user.accessToken, 'mutation($p: String!) { deleteMyAccount(password: $p) }', {
      p: 'nope',
    });
    expect(wrong.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const done = await as(user.accessToken, 'mutation($p: String!) { deleteMyAccount(password: $p) }', {
      p: PASSWORD,
    });
    expect(done.json.data.deleteMyAccount).toBe(true);

    const listed = (await as(adminToken, USERS, { filter: { status: 'DELETED' }, first: 50 })).json.data.users
      .edges;
    const erased = listed.find((e: any) => e.node.id === user.id)?.node;
    expect(erased).toEqual({
      id: user.id,
      email: `deleted-${user.id}@deleted.invalid`,
      role: 'USER',
      status: 'DELETED',
    });
    expect(
      (await as(undefined, LOGIN, { i: { email: user.email, password: PASSWORD } })).json.errors[0].extensions
        .code,
    ).toBe('UNAUTHENTICATED');
    const events = await lattice.subgraphs
      .identity!.orm.em.getConnection()
      .execute(`select 1 from identity.outbox_event where type = 'identity.user_deleted' and subject = ?`, [
        user.id,
      ]);
    expect(events).toHaveLength(1);
    // accounts learns of the deletion through the bus and erases the profile.
    await waitFor(async () => (await profiles()) === 0, { message: 'the profile erased by accounts' });
    // The email is free again.
    expect((await registerUser(lattice, user.email)).id).not.toBe(user.id);
  });

  it('rotates signing keys: old tokens keep working, new tokens use the new key', async () => {
    const user = await registerUser(lattice);
    const kid = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
    const before = await fetch(new URL('/.well-known/jwks.json', lattice.subgraphs.identity!.url)).then(
      (r) => r.json() as Promise<any>,
    );
    expect((await as(adminToken, 'mutation { rotateSigningKey }')).json.data.rotateSigningKey).toBe(true);
    const after = await fetch(new URL('/.well-known/jwks.json', lattice.subgraphs.identity!.url)).then(
      (r) => r.json() as Promise<any>,
    );
    expect(after.keys).toHaveLength(before.keys.length + 1);

    const fresh = (await as(undefined, LOGIN, { i: { email: user.email, password: PASSWORD } })).json.data
      .login.accessToken;
    expect(kid(fresh)).not.toBe(kid(user.accessToken));
    expect((await as(fresh, '{ me { id } }')).json.data.me.id).toBe(user.id);
    expect((await as(user.accessToken, '{ me { id } }')).json.data.me.id).toBe(user.id);
  });
});
