import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({ CORS_ORIGINS: 'https://app.example.com' }, { subgraphs: ['accounts'] });
});
afterAll(() => lattice?.stop());

const post = (headers: Record<string, string>) =>
  fetch(lattice.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });

describe('gateway HTTP policy', () => {
  it('sends security headers on every response', async () => {
    for (const response of [await post({}), await fetch(new URL('/health', lattice.gateway.url))]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('answers CORS for configured origins only', async () => {
    const allowed = await post({ origin: 'https://app.example.com' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await post({ origin: 'https://evil.example.net' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await fetch(lattice.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const refused = await fetch(lattice.gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net' },
    });
    expect(refused.status).toBe(403);
  });

  it('blocks simple cross-site GET and form posts (CSRF prevention)', async () => {
    const get = await fetch(`${lattice.gateway.url}?query=${encodeURIComponent('{ me { id } }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(lattice.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(form.status).toBe(400);
  });
});
