import { clientAddress, trustedProxies } from '../src';

const none = trustedProxies([]);
const loopback = trustedProxies(['loopback']);
const edge = trustedProxies(['10.0.0.0/8', '2001:db8:1::/48']);

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.9', none)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', '203.0.113.9', none)).toBe('127.0.0.1');
  });

  it('is the socket address when the peer is not a trusted proxy', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.9', edge)).toBe('198.51.100.7');
  });

  it('is the entry a trusted proxy appended, not what the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
    expect(clientAddress('10.0.0.2', '1.1.1.1, 203.0.113.9', edge)).toBe('203.0.113.9');
  });

  it('walks from the right over every trusted hop, stopping at the first untrusted one', () => {
    expect(clientAddress('10.0.0.2', '1.1.1.1, 203.0.113.9, 10.1.1.1, 10.2.2.2', edge)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '203.0.113.9, 198.51.100.1, 10.2.2.2', edge)).toBe('198.51.100.1');
  });

  it('is the leftmost entry when every hop is trusted', () => {
    expect(clientAddress('10.0.0.2', '10.9.9.9, 10.2.2.2', edge)).toBe('10.9.9.9');
  });

  it('is the socket address without X-Forwarded-For, even from a trusted proxy', () => {
    expect(clientAddress('10.0.0.2', undefined, edge)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '', edge)).toBe('10.0.0.2');
  });

  it('reads repeated headers as one list', () => {
    expect(clientAddress('127.0.0.1', ['1.1.1.1', '203.0.113.9'], loopback)).toBe('203.0.113.9');
  });

  it('matches IPv6 ranges and IPv4-mapped sockets, and answers IPv4 as IPv4', () => {
    expect(clientAddress('2001:db8:1::5', '2001:db8:ffff::1', edge)).toBe('2001:db8:ffff::1');
    expect(clientAddress('::ffff:10.0.0.2', '203.0.113.9', edge)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:198.51.100.7', '203.0.113.9', edge)).toBe('198.51.100.7');
    expect(clientAddress('::1', '::ffff:203.0.113.9', loopback)).toBe('203.0.113.9');
  });

  it('never answers something that is not an address: then the trusted proxy is the client', () => {
    expect(clientAddress('10.0.0.2', 'unknown', edge)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '203.0.113.9:4711', edge)).toBe('10.0.0.2');
  });

  it('is undefined when the socket is gone', () => {
    expect(clientAddress(undefined, '203.0.113.9', loopback)).toBeUndefined();
  });
});

describe('trustedProxies', () => {
  it('refuses an entry that is no address, range or known name', () => {
    expect(() => trustedProxies(['10.0.0.0/8', 'proxy.internal'])).toThrow(/proxy\.internal/);
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow(/10\.0\.0\.0\/33/);
  });
});
