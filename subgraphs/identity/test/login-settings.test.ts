import { ConfigError, parseEnv } from '@lattice/server-kit';
import { identitySettings } from '../src/service/settings';

describe('sign-in throttling settings', () => {
  it('default to 5 per account and address, 50 per address, locks of 1 s doubling to 15 min', () => {
    expect(parseEnv(identitySettings, {})).toMatchObject({
      loginFailuresPerAccount: 5,
      loginFailuresPerIp: 50,
      loginLockSeconds: 1,
      loginMaxLockSeconds: 900,
      loginWindowSeconds: 3600,
    });
  });

  it('refuse a longest lock shorter than the first', () => {
    const parse = () =>
      parseEnv(identitySettings, { LOGIN_LOCK_SECONDS: '60', LOGIN_MAX_LOCK_SECONDS: '30' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/LOGIN_MAX_LOCK_SECONDS: must be at least LOGIN_LOCK_SECONDS/);
  });
});
