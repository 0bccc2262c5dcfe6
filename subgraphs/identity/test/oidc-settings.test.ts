import { ConfigError, parseEnv } from '@lattice/server-kit';
import { identitySettings as settingsSchema } from '../src/service/settings';

const identitySettings = (env: Record<string, string | undefined>) => parseEnv(settingsSchema, env);

const google = {
  OIDC_GOOGLE_CLIENT_ID: 'client',
  OIDC_GOOGLE_CLIENT_SECRET: 'secret',
  OIDC_GOOGLE_REDIRECT_URI: 'https://app.example.com/auth/callback',
};

describe('OpenID provider settings', () => {
  it('leave sign-in with Google off when nothing is set', () => {
    expect(identitySettings({}).oidcGoogle).toBeUndefined();
    expect(
      identitySettings({ OIDC_GOOGLE_CLIENT_ID: '', OIDC_GOOGLE_ISSUER: '' }).oidcGoogle,
    ).toBeUndefined();
  });

  it('turn it on with Google as the default issuer when client id, secret and redirect URI are set', () => {
    expect(identitySettings(google).oidcGoogle).toEqual({
      issuer: 'https://accounts.google.com',
      clientId: 'client',
      clientSecret: 'secret',
      redirectUri: 'https://app.example.com/auth/callback',
    });
  });

  it('accept plain HTTP only for a provider on the loopback interface', () => {
    const local = { ...google, OIDC_GOOGLE_ISSUER: 'http://127.0.0.1:9000' };
    expect(identitySettings(local).oidcGoogle?.issuer).toBe('http://127.0.0.1:9000');
    expect(() => identitySettings({ ...google, OIDC_GOOGLE_ISSUER: 'http://idp.example.com' })).toThrow(
      /OIDC_GOOGLE_ISSUER: must be an https URL/,
    );
  });

  it('name every missing variable when only some are set', () => {
    let error: unknown;
    try {
      identitySettings({ OIDC_GOOGLE_CLIENT_ID: 'client' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toMatch(
      /OIDC_GOOGLE_CLIENT_SECRET: is required when OIDC_GOOGLE_CLIENT_ID is set/,
    );
    expect(String((error as Error).message)).toMatch(/OIDC_GOOGLE_REDIRECT_URI: is required/);
  });
});
