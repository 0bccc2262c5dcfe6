import { forwardedOriginHeaders, originOf } from '../src';

describe('originOf', () => {
  it('builds an origin from a protocol and a host, without the default port', () => {
    expect(originOf('https', 'api.example.com')).toBe('https://api.example.com');
    expect(originOf('HTTP', 'LocalHost:4000')).toBe('http://localhost:4000');
    expect(originOf('http', 'example.com:80')).toBe('http://example.com');
    expect(originOf('https', 'example.com:443')).toBe('https://example.com');
    expect(originOf('http', 'example.com:8080')).toBe('http://example.com:8080');
    expect(originOf('http', '127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
    expect(originOf('http', '[::1]:4000')).toBe('http://[::1]:4000');
  });

  it.each([
    ['ftp', 'example.com'],
    ['javascript', 'example.com'],
    ['https', undefined],
    [undefined, 'example.com'],
    ['https', ''],
    ['https', 'evil.com/path'],
    ['https', 'a.com, b.com'],
    ['https', 'user@evil.com'],
    ['https', 'evil.com\r\nx: y'],
    ['https', 'a'.repeat(300)],
  ])('refuses %s with host %j', (proto, host) => {
    expect(originOf(proto, host)).toBeUndefined();
  });

  it('says an origin back as X-Forwarded-Proto and X-Forwarded-Host', () => {
    expect(forwardedOriginHeaders('https://api.example.com:8443')).toEqual({
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'api.example.com:8443',
    });
  });
});
