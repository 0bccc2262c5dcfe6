import { completeResult } from '../../src/authorization/result';
import { TYPENAME_ALIAS } from '../../src/authorization/rewrite';
import { anonymous, authorize, run, viewer } from './shop';

const unauthenticated = (message: string, path: Array<string | number>) => ({
  message,
  path,
  extensions: { code: 'UNAUTHENTICATED' },
});
const forbidden = (message: string, path: Array<string | number>) => ({
  message,
  path,
  extensions: { code: 'FORBIDDEN' },
});

describe('completeResult: the response to an authorized operation', () => {
  it('answers a refused root field with null and its error, serves the rest, and never resolves it', () => {
    const response = run('{ me { id } user(id: "u1") { name } }', anonymous);
    expect(response.data).toEqual({ me: null, user: { name: 'Alice' } });
    expect(response.errors).toEqual([unauthenticated('Query.me requires authentication', ['me'])]);
    expect(response.resolved).toEqual(['Query.user', 'User.name']);
  });

  it('leaves none of the helper __typename aliases in the data', () => {
    const response = run('{ user(id: "u1") { name email friends { name email } } }', anonymous);
    expect(JSON.stringify(response.data)).not.toContain(TYPENAME_ALIAS);
  });

  it('puts each refused nested field at its path, inside lists by index', () => {
    const response = run('{ user(id: "u1") { name email friends { name email } } }', anonymous);
    expect(response.data).toEqual({
      user: {
        name: 'Alice',
        email: null,
        friends: [
          { name: 'Bob', email: null },
          { name: 'Carol', email: null },
        ],
      },
    });
    expect(response.errors).toEqual([
      unauthenticated('User.email requires authentication', ['user', 'email']),
      unauthenticated('User.email requires authentication', ['user', 'friends', 0, 'email']),
      unauthenticated('User.email requires authentication', ['user', 'friends', 1, 'email']),
    ]);
    expect(response.resolved).not.toContain('User.email');
  });

  it('gives a signed-in caller what it may see, and FORBIDDEN for what its role may not', () => {
    const response = run('{ me { email profile { bio phone } } }', viewer('user'));
    expect(response.data).toEqual({
      me: { email: 'alice@example.com', profile: { bio: 'Hello', phone: null } },
    });
    expect(response.errors).toEqual([
      forbidden('Profile.phone requires the moderator scope', ['me', 'profile', 'phone']),
    ]);
    expect(run('{ me { email profile { bio phone } } }', viewer('moderator')).errors).toEqual([]);
  });

  it('uses aliases in the paths', () => {
    const response = run('{ a: user(id: "u1") { mail: email } b: user(id: "u2") { name email } }', anonymous);
    expect(response.data).toEqual({ a: { mail: null }, b: { name: 'Bob', email: null } });
    expect(response.errors).toEqual([
      unauthenticated('User.email requires authentication', ['a', 'mail']),
      unauthenticated('User.email requires authentication', ['b', 'email']),
    ]);
  });

  it('nulls the nearest nullable ancestor of a refused non-null field, with the error at its path', () => {
    const response = run('{ user(id: "u1") { name secret } other: user(id: "u2") { name } }', viewer('user'));
    expect(response.data).toEqual({ user: null, other: { name: 'Bob' } });
    expect(response.errors).toEqual([forbidden('User.secret requires the admin scope', ['user'])]);
    expect(response.resolved).not.toContain('User.secret');
  });

  it('nulls data itself when a refused non-null root field is all there is, but not beside other fields', () => {
    const alone = run('{ users { id } }', viewer('user'));
    expect(alone.data).toBeNull();
    expect(alone.errors).toEqual([forbidden('Query.users requires the admin scope', ['users'])]);
    const beside = run('{ users { id } me { id } }', viewer('user'));
    expect(beside.data).toEqual({ users: null, me: { id: 'u1' } });
    expect(beside.errors).toEqual([forbidden('Query.users requires the admin scope', ['users'])]);
  });

  it('fills fragments by the runtime type of each object', () => {
    const query = `query ($id: ID!) {
      node(id: $id) { id ... on User { profile { phone } } ... on Invoice { total } }
    }`;
    const user = run(query, viewer('user'), { id: 'u1' });
    expect(user.data).toEqual({ node: { id: 'u1', profile: { phone: null } } });
    expect(user.errors).toEqual([
      forbidden('Profile.phone requires the moderator scope', ['node', 'profile', 'phone']),
    ]);
    // The same rewritten operation on an invoice: the User fragment does not apply, no error.
    const invoice = run(query, viewer('user'), { id: 'i1' });
    expect(invoice.authorized.rewritten).toBe(true);
    expect(invoice.data).toEqual({ node: { id: 'i1', total: 42 } });
    expect(invoice.errors).toEqual([]);
  });

  it('reports a path once when several selections of it were cut (a field and a fragment)', () => {
    const response = run(
      '{ user(id: "u1") { email ...Card } } fragment Card on User { email name }',
      anonymous,
    );
    expect(response.data).toEqual({ user: { email: null, name: 'Alice' } });
    expect(response.errors).toEqual([
      unauthenticated('User.email requires authentication', ['user', 'email']),
    ]);
  });

  it('does not apply a refused mutation field, and still runs the others', () => {
    const response = run('mutation { ping ban(id: "u2") }', viewer('user'));
    expect(response.data).toEqual({ ping: true, ban: null });
    expect(response.errors).toEqual([forbidden('Mutation.ban requires the moderator scope', ['ban'])]);
    expect(response.resolved).toEqual(['Mutation.ping']);
  });

  it('passes a result without data (a failed execution) through, adding nothing', () => {
    const { plan } = authorize('{ me { id } }', anonymous);
    expect(completeResult(plan, null)).toEqual({ data: null, errors: [] });
    expect(completeResult(plan, undefined)).toEqual({ data: undefined, errors: [] });
  });
});
