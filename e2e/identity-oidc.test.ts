import { createHash, randomUUID } from 'node:crypto';
import {
  CompleteOidcLoginDocument,
  DeleteMyAccountDocument,
  LoginDocument,
  MeDocument,
  StartOidcLoginDocument,
} from '@lattice/client';
import { waitFor } from '@lattice/testkit';
import { newEmail, PASSWORD, registerUser } from './support/accounts';
import { startTestOidcProvider, type TestAccount, type TestOidcProvider } from './support/oidc-test-provider';
import { countRows } from './support/outbox';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let provider: TestOidcProvider;
let lattice: TestLattice;

beforeAll(async () => {
  provider = await startTestOidcProvider();
  lattice = await startTestLattice(provider.env, { subgraphs: ['accounts'] });
}, 60_000);
afterAll(async () => {
  await lattice?.stop();
  await provider?.stop();
});

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A provider account with a unique subject. */
function providerAccount(account: TestAccount): string {
  const sub = `sub-${randomUUID()}`;
  provider.addAccount(sub, account);
  return sub;
}

async function start() {
  const { startOidcLogin } = await lattice.client().request(StartOidcLoginDocument, {});
  return startOidcLogin;
}

/** The whole round trip: start, the browser at the provider, complete. */
async function signIn(sub: string) {
  const { authorizationUrl } = await start();
  const callback = await provider.authorize(authorizationUrl, sub);
  return lattice.client().execute(CompleteOidcLoginDocument, callback);
}

const identities = (where: string, params: unknown[]) =>
  countRows(lattice, 'identity.oauth_identity', where, params);

describe('sign in with an OpenID provider (authorization code + PKCE)', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce, and keeps only the state hash', async () => {
    const { authorizationUrl, state } = await start();
    const url = new URL(authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${provider.issuer}/auth`);
    const params = url.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe(provider.clientId);
    expect(params.get('redirect_uri')).toBe(provider.redirectUri);
    expect(params.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toBe(state);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).not.toBe(state);
    expect(await countRows(lattice, 'identity.oidc_login_attempt', 'state_hash = ?', [sha256(state)])).toBe(
      1,
    );
    expect(await countRows(lattice, 'identity.oidc_login_attempt', 'state_hash = ?', [state])).toBe(0);
  });

  it('creates a verified account for a new user, whose profile appears, and signs in to it again', async () => {
    const email = newEmail('oidc-new');
    const sub = providerAccount({ email, email_verified: true });
    const first = await signIn(sub);
    expect(first.errors).toBeUndefined();
    const payload = first.data!.completeOidcLogin;
    expect(payload.user).toMatchObject({ email, emailVerified: true });
    expect(payload.refreshToken).toMatch(/^[\w-]{43}$/);

    // accounts creates the profile from identity.user_registered, as for a password sign-up.
    const me = await waitFor(
      async () => {
        const { me } = await lattice.client(payload.accessToken).request(MeDocument);
        return me?.profile ? me : undefined;
      },
      { message: 'the profile created from identity.user_registered' },
    );
    expect(me).toMatchObject({ id: payload.user.id, email, role: 'USER' });
    expect(
      await identities('provider = ? and subject = ? and user_id = ?', ['google', sub, payload.user.id]),
    ).toBe(1);

    const second = await signIn(sub);
    expect(second.errors).toBeUndefined();
    expect(second.data!.completeOidcLogin.user.id).toBe(payload.user.id);
    expect(await identities('subject = ?', [sub])).toBe(1);
    expect(await countRows(lattice, 'identity.session', 'user_id = ?', [payload.user.id])).toBe(2);
    const logins = await countRows(
      lattice,
      'identity.outbox_event',
      "type = 'identity.user_logged_in' and subject = ? and data->>'method' = 'oidc'",
      [payload.user.id],
    );
    expect(logins).toBe(2);

    // No password was ever set: password sign-in is impossible until a reset.
    for (const password of ['', 'no-password:', PASSWORD]) {
      const login = await lattice.client().execute(LoginDocument, { input: { email, password } });
      expect(login.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|BAD_USER_INPUT/);
    }
  });

  it('links an existing password account when the provider verified the same email', async () => {
    const user = await registerUser(lattice, newEmail('oidc-link'));
    await lattice.subgraphs
      .identity!.orm.em.getConnection()
      .execute('update identity.user_account set email_verified = true where id = ?', [user.id]);
    const sub = providerAccount({ email: user.email.toUpperCase(), email_verified: true });
    const result = await signIn(sub);
    expect(result.errors).toBeUndefined();
    expect(result.data!.completeOidcLogin.user).toMatchObject({
      id: user.id,
      email: user.email,
      emailVerified: true,
    });
    expect(await identities('subject = ? and user_id = ?', [sub, user.id])).toBe(1);
    // The password still works, and the account was not registered twice.
    const { login } = await lattice
      .client()
      .request(LoginDocument, { input: { email: user.email, password: PASSWORD } });
    expect(login.user.id).toBe(user.id);
    expect(
      await countRows(lattice, 'identity.outbox_event', "type = 'identity.user_registered' and subject = ?", [
        user.id,
      ]),
    ).toBe(1);

    // Erasing the account removes its provider links too.
    await lattice.client(login.accessToken).request(DeleteMyAccountDocument, { password: PASSWORD });
    expect(await identities('user_id = ?', [user.id])).toBe(0);
  });

  it('links an account whose email was never verified, and drops the password and sessions set before', async () => {
    const user = await registerUser(lattice, newEmail('oidc-prereg'));
    const sub = providerAccount({ email: user.email, email_verified: true });
    const result = await signIn(sub);
    expect(result.errors).toBeUndefined();
    expect(result.data!.completeOidcLogin.user).toMatchObject({ id: user.id, emailVerified: true });
    // Whoever registered the address first does not keep a way in.
    const login = await lattice
      .client()
      .execute(LoginDocument, { input: { email: user.email, password: PASSWORD } });
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refresh = await lattice.post({
      query: 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }',
      variables: { t: user.refreshToken },
    });
    expect(refresh.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { me } = await lattice.client(result.data!.completeOidcLogin.accessToken).request(MeDocument);
    expect(me?.id).toBe(user.id);
  });

  it('refuses to link an existing account to an unverified provider email, and links nothing', async () => {
    const user = await registerUser(lattice, newEmail('oidc-unverified'));
    const sub = providerAccount({ email: user.email, email_verified: false });
    const sessionsBefore = await countRows(lattice, 'identity.session', 'user_id = ?', [user.id]);
    const result = await signIn(sub);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(result.errors?.[0]?.message).toMatch(/linking requires a verified email/);
    expect(await identities('subject = ?', [sub])).toBe(0);
    expect(await countRows(lattice, 'identity.session', 'user_id = ?', [user.id])).toBe(sessionsBefore);
  });

  it('refuses a suspended account like a password sign-in does', async () => {
    const sub = providerAccount({ email: newEmail('oidc-suspended'), email_verified: true });
    const first = await signIn(sub);
    const { id } = first.data!.completeOidcLogin.user;
    await lattice.subgraphs
      .identity!.orm.em.getConnection()
      .execute(`update identity.user_account set status = 'suspended' where id = ?`, [id]);
    const result = await signIn(sub);
    expect(result.errors?.[0]).toMatchObject({
      message: 'This account is suspended',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('answers BAD_USER_INPUT (state) for a replayed, unknown or expired state, and writes nothing', async () => {
    const sub = providerAccount({ email: newEmail('oidc-replay'), email_verified: true });
    const { authorizationUrl } = await start();
    const callback = await provider.authorize(authorizationUrl, sub);
    const first = await lattice.client().execute(CompleteOidcLoginDocument, callback);
    expect(first.errors).toBeUndefined();
    const userId = first.data!.completeOidcLogin.user.id;
    const sessions = await countRows(lattice, 'identity.session', 'user_id = ?', [userId]);

    const replayed = await lattice.client().execute(CompleteOidcLoginDocument, callback);
    const unknown = await lattice
      .client()
      .execute(CompleteOidcLoginDocument, { ...callback, state: 'no-such-state' });
    for (const result of [replayed, unknown]) {
      expect(result.errors?.[0]).toMatchObject({
        message: 'state: invalid, expired or already used',
        extensions: { code: 'BAD_USER_INPUT', field: 'state' },
      });
    }
    expect(await countRows(lattice, 'identity.session', 'user_id = ?', [userId])).toBe(sessions);

    const late = await start();
    await lattice.subgraphs
      .identity!.orm.em.getConnection()
      .execute(
        `update identity.oidc_login_attempt set expires_at = now() - interval '1 second' where state_hash = ?`,
        [sha256(late.state)],
      );
    const lateCallback = await provider.authorize(late.authorizationUrl, sub);
    const expired = await lattice.client().execute(CompleteOidcLoginDocument, lateCallback);
    expect(expired.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'state' } });
    expect(await countRows(lattice, 'identity.session', 'user_id = ?', [userId])).toBe(sessions);
  });

  it('answers UNAUTHENTICATED when the provider refuses a tampered code, and spends the attempt', async () => {
    const sub = providerAccount({ email: newEmail('oidc-tampered'), email_verified: true });
    const { authorizationUrl } = await start();
    const callback = await provider.authorize(authorizationUrl, sub);
    const tampered = { ...callback, code: `${callback.code.slice(0, -2)}xx` };
    const result = await lattice.client().execute(CompleteOidcLoginDocument, tampered);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(result.errors?.[0]?.message).toMatch(/^Sign-in with Google failed: invalid_grant/);
    expect(result.errors?.[0]?.message).not.toContain(tampered.code);
    expect(await identities('subject = ?', [sub])).toBe(0);

    // The state was used up by the failed attempt: the genuine code cannot follow it.
    const retry = await lattice.client().execute(CompleteOidcLoginDocument, callback);
    expect(retry.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'state' } });
  });

  it('answers UNAUTHENTICATED when the ID token nonce or the PKCE verifier does not match the attempt', async () => {
    const sub = providerAccount({ email: newEmail('oidc-nonce'), email_verified: true });
    const tamper = async (column: 'nonce' | 'code_verifier', value: string) => {
      const { authorizationUrl, state } = await start();
      await lattice.subgraphs
        .identity!.orm.em.getConnection()
        .execute(`update identity.oidc_login_attempt set ${column} = ? where state_hash = ?`, [
          value,
          sha256(state),
        ]);
      const callback = await provider.authorize(authorizationUrl, sub);
      return lattice.client().execute(CompleteOidcLoginDocument, callback);
    };
    const nonce = await tamper('nonce', 'a-nonce-the-provider-never-saw');
    expect(nonce.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(nonce.errors?.[0]?.message).toMatch(/^Sign-in with Google failed: .*nonce/);
    const verifier = await tamper('code_verifier', 'x'.repeat(43));
    expect(verifier.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(verifier.errors?.[0]?.message).toMatch(/^Sign-in with Google failed: invalid_grant/);
    expect(await identities('subject = ?', [sub])).toBe(0);
  });
});

describe('sign in with an OpenID provider, not configured', () => {
  it('answers BAD_USER_INPUT (provider) when no client is configured', async () => {
    const bare = await startTestLattice({}, { subgraphs: ['accounts'] });
    try {
      const started = await bare.client().execute(StartOidcLoginDocument, {});
      expect(started.errors?.[0]).toMatchObject({
        message: 'provider: sign-in with Google is not configured on this server',
        extensions: { code: 'BAD_USER_INPUT', field: 'provider' },
      });
    } finally {
      await bare.stop();
    }
  });
});
