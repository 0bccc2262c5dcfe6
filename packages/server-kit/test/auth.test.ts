import { createLocalJWKSet, decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { bearerToken, createTokenVerifier, TOKEN_AUDIENCE, TOKEN_ISSUER, UserError } from '../src';

describe('bearerToken', () => {
  it('is undefined without a header and the token with a bearer header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', `Bearer ${'x'.repeat(5000)}`])(
    'refuses %j as UNAUTHENTICATED',
    (header) => {
      expect(() => bearerToken(header)).toThrow(UserError);
      try {
        bearerToken(header);
      } catch (error) {
        expect((error as UserError).extensions.code).toBe('UNAUTHENTICATED');
      }
    },
  );
});

describe('createTokenVerifier', () => {
  async function setup() {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA' };
    const verify = createTokenVerifier(createLocalJWKSet({ keys: [jwk] }));
    const sign = (claims: Record<string, unknown>, options: { issuer?: string; expiresIn?: string } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
        .setSubject('user-1')
        .setIssuer(options.issuer ?? TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(privateKey);
    return { verify, sign };
  }

  it('returns the viewer of a valid token', async () => {
    const { verify, sign } = await setup();
    const token = await sign({ role: 'admin', sid: 'session-1' });
    const { exp } = decodeJwt(token);
    await expect(verify(token)).resolves.toEqual({
      id: 'user-1',
      role: 'admin',
      sessionId: 'session-1',
      expiresAt: exp! * 1000,
      token,
    });
  });

  it.each([
    ['an unknown role', { role: 'root', sid: 's' }, {}],
    ['no session id', { role: 'user' }, {}],
    ['another issuer', { role: 'user', sid: 's' }, { issuer: 'someone-else' }],
  ])('refuses a token with %s', async (_case, claims, options) => {
    const { verify, sign } = await setup();
    await expect(verify(await sign(claims, options))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('says when a token has expired', async () => {
    const { verify, sign } = await setup();
    const token = await sign({ role: 'user', sid: 's' }, { expiresIn: '-1m' });
    await expect(verify(token)).rejects.toThrow('Access token expired');
  });
});
