import { LoginDocument, MeDocument, RegisterDocument } from '@lattice/client';
import { waitFor } from '@lattice/testkit';
import { newEmail, PASSWORD } from './support/accounts';
import { postToSubgraph } from './support/subgraph-requests';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
});
afterAll(() => lattice?.stop());

describe('register → login → me, through the gateway', () => {
  it('signs a new user up, in, and shows their profile created by accounts from the bus', async () => {
    const email = newEmail('Journey');
    const { register } = await lattice
      .client()
      .request(RegisterDocument, { input: { email, password: PASSWORD } });
    expect(register.user).toMatchObject({ email: email.toLowerCase(), role: 'USER' });
    expect(register.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(register.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());

    const { login } = await lattice
      .client()
      .request(LoginDocument, { input: { email: email.toUpperCase(), password: PASSWORD } });
    expect(login.user.id).toBe(register.user.id);
    expect(login.refreshToken).not.toBe(register.refreshToken);

    // accounts learns of the user only through identity.user_registered on the bus.
    const me = await waitFor(
      async () => {
        const { me } = await lattice.client(login.accessToken).request(MeDocument);
        return me?.profile ? me : undefined;
      },
      { message: 'the profile created from identity.user_registered' },
    );
    expect(me).toMatchObject({
      id: register.user.id,
      email: email.toLowerCase(),
      role: 'USER',
      profile: { displayName: email.split('@')[0]!.toLowerCase() },
    });
  });

  it('answers me with null for an anonymous request', async () => {
    const { me } = await lattice.client().request(MeDocument);
    expect(me).toBeNull();
  });

  it('refuses a wrong password and an unknown email with the same error', async () => {
    const email = newEmail();
    await lattice.client().request(RegisterDocument, { input: { email, password: PASSWORD } });
    const wrongPassword = await lattice
      .client()
      .execute(LoginDocument, { input: { email, password: 'not the password' } });
    const unknownEmail = await lattice
      .client()
      .execute(LoginDocument, { input: { email: newEmail(), password: PASSWORD } });
    expect(wrongPassword.errors?.[0]).toMatchObject({
      message: 'Invalid email or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(unknownEmail.errors?.[0]).toEqual(wrongPassword.errors?.[0]);
  });

  it("does not show one user's email or profile to another", async () => {
    const alice = await lattice
      .client()
      .request(RegisterDocument, { input: { email: newEmail('alice'), password: PASSWORD } });
    const bob = await lattice
      .client()
      .request(RegisterDocument, { input: { email: newEmail('bob'), password: PASSWORD } });
    const result = await lattice.post(
      {
        query: 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { email } } }',
        variables: { reps: [{ __typename: 'User', id: alice.register.user.id }] },
      },
      { authorization: `Bearer ${bob.register.accessToken}` },
    );
    // _entities is not part of the public API: the gateway refuses it outright.
    expect(result.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Even asked as the gateway asks (signed), identity keeps Alice's email from Bob.
    const direct = await postToSubgraph(
      lattice,
      'identity',
      {
        query: 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id email } } }',
        variables: { reps: [{ __typename: 'User', id: alice.register.user.id }] },
      },
      { authorization: `Bearer ${bob.register.accessToken}` },
    ).then((response) => response.json() as Promise<any>);
    expect(direct.data._entities[0]).toEqual({ id: alice.register.user.id, email: null });
    expect(direct.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
