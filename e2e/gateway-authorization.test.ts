import { newEmail, promoteToAdmin, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let user: { id: string; email: string; accessToken: string };
let adminToken: string;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
  user = await registerUser(lattice);
  const admin = await registerUser(lattice, newEmail('admin'));
  adminToken = await promoteToAdmin(lattice, admin.email);
});
afterAll(() => lattice?.stop());

const calls = (name: 'identity' | 'accounts') => lattice.subgraphs[name]!.requests.count;
const as = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** Posts an operation and reports how many requests each subgraph got for it. */
async function run(query: string, token?: string, variables?: Record<string, unknown>) {
  const before = { identity: calls('identity'), accounts: calls('accounts') };
  const { json } = await lattice.post({ query, variables }, as(token));
  return {
    json,
    identityCalls: calls('identity') - before.identity,
    accountsCalls: calls('accounts') - before.accounts,
  };
}

const USERS = '{ users(first: 1) { edges { node { id } } } }';

describe('@requiresScopes in the gateway', () => {
  it('an anonymous caller: UNAUTHENTICATED at users, identity is not called', async () => {
    const { json, identityCalls } = await run(USERS);
    expect(json.data).toBeNull(); // users is the only (non-null) root field
    expect(json.errors).toEqual([
      {
        message: 'Query.users requires the admin scope',
        path: ['users'],
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
    expect(identityCalls).toBe(0);
  });

  it('a user: FORBIDDEN at users, identity is not called', async () => {
    const { json, identityCalls } = await run(USERS, user.accessToken);
    expect(json.errors).toEqual([
      { message: 'Query.users requires the admin scope', path: ['users'], extensions: { code: 'FORBIDDEN' } },
    ]);
    expect(identityCalls).toBe(0);
  });

  it('an admin is served', async () => {
    const { json, identityCalls } = await run(USERS, adminToken);
    expect(json.errors).toBeUndefined();
    expect(json.data.users.edges).toHaveLength(1);
    expect(Object.keys(json.data.users.edges[0].node)).toEqual(['id']); // no helper fields leak
    expect(identityCalls).toBe(1);
  });

  it('a mixed operation: me is served, users is null with FORBIDDEN', async () => {
    const { json, identityCalls } = await run(
      '{ me { id } users(first: 1) { edges { node { id } } } }',
      user.accessToken,
    );
    expect(json.data).toEqual({ me: { id: user.id }, users: null });
    expect(json.errors).toEqual([
      expect.objectContaining({ path: ['users'], extensions: { code: 'FORBIDDEN' } }),
    ]);
    expect(identityCalls).toBe(1); // for me only
  });

  it('a variable used only by the refused field does not break the rest', async () => {
    const { json } = await run(
      'query ($n: Int) { me { id } users(first: $n) { edges { node { id } } } }',
      user.accessToken,
      { n: 1 },
    );
    expect(json.data).toEqual({ me: { id: user.id }, users: null });
  });
});

describe('fragments and aliases cannot smuggle a protected field', () => {
  it.each([
    ['an alias', '{ me { id } everyone: users { edges { node { id } } } }', ['everyone']],
    [
      'a named fragment',
      'query { me { id } ...Everyone } fragment Everyone on Query { list: users { edges { node { id } } } }',
      ['list'],
    ],
    ['an inline fragment', '{ me { id } ... on Query { users { edges { node { id } } } } }', ['users']],
    [
      'an unconditioned inline fragment',
      '{ me { id } ... @include(if: true) { users { pageInfo { hasNextPage } } } }',
      ['users'],
    ],
    [
      'nested fragments',
      '{ me { id } ...A } fragment A on Query { ...B } fragment B on Query { u: users { ...C } } fragment C on UserConnection { edges { node { id } } }',
      ['u'],
    ],
  ])('%s', async (_label, query, path) => {
    const { json, identityCalls } = await run(query, user.accessToken);
    expect(json.data.me).toEqual({ id: user.id });
    expect(json.data[path[0]!]).toBeNull();
    expect(json.errors).toEqual([
      { message: 'Query.users requires the admin scope', path, extensions: { code: 'FORBIDDEN' } },
    ]);
    expect(identityCalls).toBe(1);
  });

  it('a skipped protected field is neither refused nor fetched', async () => {
    const { json } = await run(
      'query ($s: Boolean!) { me { id } users @skip(if: $s) { pageInfo { hasNextPage } } }',
      user.accessToken,
      {
        s: true,
      },
    );
    expect(json.errors).toBeUndefined();
    expect(json.data).toEqual({ me: { id: user.id } });
  });
});

describe('@authenticated in the gateway', () => {
  it('an anonymous mutation: UNAUTHENTICATED at its path, accounts is not called, nothing written', async () => {
    const { json, accountsCalls } = await run(
      'mutation { updateProfile(input: { firstName: "Mallory" }) { firstName } }',
    );
    expect(json.data).toBeNull();
    expect(json.errors).toEqual([
      {
        message: 'Mutation.updateProfile requires authentication',
        path: ['updateProfile'],
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
    expect(accountsCalls).toBe(0);
  });

  it('the rest of a mutation runs: register is served, logout is refused', async () => {
    const email = newEmail('mixed');
    const { json } = await run(
      `mutation { register(input: { email: "${email}", password: "correct horse battery staple" }) { user { email } } logout }`,
    );
    expect(json.data).toEqual({ register: { user: { email } }, logout: null });
    expect(json.errors).toEqual([
      {
        message: 'Mutation.logout requires authentication',
        path: ['logout'],
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
  });

  it('anonymous sessions: UNAUTHENTICATED; a signed-in user is served', async () => {
    const anonymous = await run('{ sessions { edges { node { id } } } }');
    expect(anonymous.json.errors[0]).toMatchObject({
      path: ['sessions'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(anonymous.identityCalls).toBe(0);
    const signedIn = await run('{ sessions { edges { node { current } } } }', user.accessToken);
    expect(signedIn.json.errors).toBeUndefined();
    expect(signedIn.json.data.sessions.edges).toContainEqual({ node: { current: true } });
  });

  it('an admin-only mutation by a user: FORBIDDEN and nothing changes', async () => {
    const { json, identityCalls } = await run(
      `mutation { setUserRole(userId: "${user.id}", role: ADMIN) { role } }`,
      user.accessToken,
    );
    expect(json.errors[0]).toMatchObject({ path: ['setUserRole'], extensions: { code: 'FORBIDDEN' } });
    expect(identityCalls).toBe(0);
    const me = await run('{ me { role } }', user.accessToken);
    expect(me.json.data.me.role).toBe('USER');
  });
});
