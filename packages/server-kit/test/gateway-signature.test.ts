import { SIGNATURE_WINDOW_SECONDS, signRequest, verifyRequest, type SignedRequest } from '../src';

const SECRET = 'a-secret-shared-by-gateway-and-subgraphs';
const request: SignedRequest = {
  method: 'POST',
  target: '/graphql',
  body: '{"query":"{ _service { sdl } }"}',
};
const now = Date.UTC(2025, 0, 1, 12, 0, 0);

describe("the gateway's request signature", () => {
  it('verifies for the request it was made for, within the window', () => {
    const header = signRequest(SECRET, request, now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyRequest(SECRET, header, request, now)).toBe('valid');
    expect(verifyRequest(SECRET, header, request, now + (SIGNATURE_WINDOW_SECONDS - 1) * 1000)).toBe('valid');
  });

  it('refuses a missing or malformed header', () => {
    expect(verifyRequest(SECRET, undefined, request, now)).toBe('missing');
    expect(verifyRequest(SECRET, '', request, now)).toBe('missing');
    expect(verifyRequest(SECRET, 'Bearer whatever', request, now)).toBe('malformed');
    expect(verifyRequest(SECRET, ['t=1,v1=00', 't=2,v1=00'], request, now)).toBe('malformed');
  });

  it('refuses a signature made with another secret', () => {
    const header = signRequest('another-secret-of-at-least-32-chars', request, now);
    expect(verifyRequest(SECRET, header, request, now)).toBe('mismatch');
  });

  it('refuses a signature of another body, target or method', () => {
    const header = signRequest(SECRET, request, now);
    expect(verifyRequest(SECRET, header, { ...request, body: '{"query":"{ me { id } }"}' }, now)).toBe(
      'mismatch',
    );
    expect(verifyRequest(SECRET, header, { ...request, target: '/graphql?query=%7Bme%7D' }, now)).toBe(
      'mismatch',
    );
    expect(verifyRequest(SECRET, header, { ...request, method: 'GET' }, now)).toBe('mismatch');
  });

  it('refuses a replayed signature once the window has passed, and one dated in the future', () => {
    const header = signRequest(SECRET, request, now);
    expect(verifyRequest(SECRET, header, request, now + (SIGNATURE_WINDOW_SECONDS + 1) * 1000)).toBe(
      'expired',
    );
    expect(verifyRequest(SECRET, header, request, now - (SIGNATURE_WINDOW_SECONDS + 1) * 1000)).toBe(
      'expired',
    );
  });

  it('does not accept a forged timestamp on a captured signature', () => {
    const header = signRequest(SECRET, request, now - 120_000);
    const redated = header.replace(/^t=\d+/, `t=${Math.floor(now / 1000)}`);
    expect(verifyRequest(SECRET, redated, request, now)).toBe('mismatch');
  });
});
