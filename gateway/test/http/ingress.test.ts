import type { IncomingMessage } from 'node:http';
import { createLogger, trustedProxies } from '@lattice/server-kit';
import { clientOriginOf, DIRECT_INGRESS, type Ingress } from '../../src/http/ingress';
import { callerContext } from '../../src/context';

/** A request as the gateway's server sees it: headers and the socket's peer. */
function requestFrom(
  remoteAddress: string,
  headers: Record<string, string>,
  encrypted = false,
): IncomingMessage {
  return { headers, socket: { remoteAddress, encrypted } } as unknown as IncomingMessage;
}

const behindLoadBalancer: Ingress = { proxies: trustedProxies(['10.0.0.0/8']) };

describe("the client's origin", () => {
  it("is the request's Host and protocol", () => {
    expect(clientOriginOf(requestFrom('198.51.100.7', { host: 'localhost:4000' }), DIRECT_INGRESS)).toBe(
      'http://localhost:4000',
    );
    expect(
      clientOriginOf(requestFrom('198.51.100.7', { host: 'api.example.com' }, true), DIRECT_INGRESS),
    ).toBe('https://api.example.com');
  });

  it('ignores X-Forwarded-Host and -Proto from a peer that is not a trusted proxy', () => {
    const req = requestFrom('198.51.100.7', {
      host: 'api.example.com',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(clientOriginOf(req, DIRECT_INGRESS)).toBe('http://api.example.com');
    expect(clientOriginOf(req, behindLoadBalancer)).toBe('http://api.example.com');
  });

  it('believes a trusted proxy, taking the value it wrote (the last)', () => {
    const req = requestFrom('10.0.0.2', {
      host: 'gateway:4000',
      'x-forwarded-host': 'evil.example, api.example.com',
      'x-forwarded-proto': 'https',
    });
    expect(clientOriginOf(req, behindLoadBalancer)).toBe('https://api.example.com');
    // A proxy that says only the protocol: the Host is the client's.
    const protoOnly = requestFrom('10.0.0.2', { host: 'api.example.com', 'x-forwarded-proto': 'https' });
    expect(clientOriginOf(protoOnly, behindLoadBalancer)).toBe('https://api.example.com');
  });

  it("is PUBLIC_URL's whatever the request says", () => {
    const ingress: Ingress = { ...behindLoadBalancer, publicOrigin: 'https://api.example.com' };
    const req = requestFrom('10.0.0.2', { host: 'evil.example', 'x-forwarded-host': 'evil.example' });
    expect(clientOriginOf(req, ingress)).toBe('https://api.example.com');
  });

  it('is unknown when the host is no plain host name', () => {
    expect(clientOriginOf(requestFrom('198.51.100.7', { host: 'evil.example/path' }), DIRECT_INGRESS)).toBe(
      undefined,
    );
    expect(clientOriginOf(requestFrom('198.51.100.7', {}), DIRECT_INGRESS)).toBeUndefined();
  });

  it("is in the gateway context's client, beside the address", async () => {
    const req = requestFrom('10.0.0.2', {
      host: 'gateway:4000',
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-host': 'api.example.com',
      'x-forwarded-proto': 'https',
      'user-agent': 'test-agent',
    });
    const verify = async () => {
      throw new Error('no token expected');
    };
    const log = createLogger('gateway', 'silent');
    const context = await callerContext(req, undefined, verify, log, behindLoadBalancer);
    expect(context.client).toEqual({
      ip: '203.0.113.9',
      userAgent: 'test-agent',
      origin: 'https://api.example.com',
    });
  });
});
