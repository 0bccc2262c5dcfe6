import { gatewaySignature, startTestSubgraph, type TestSubgraph } from '../src/testing';
import { executed, probe } from './support/probe';
import { openGraphqlWs } from './support/websocket';

const SECRET = 'the-secret-of-this-gateway-and-its-subgraphs';
const REFUSED = {
  errors: [{ message: 'Only the gateway may call this subgraph', extensions: { code: 'UNAUTHENTICATED' } }],
};

let fixture: TestSubgraph;
let url: string;

beforeAll(async () => {
  fixture = await startTestSubgraph(probe, { SUBGRAPH_SECRET: SECRET });
  url = fixture.subgraph.url;
});
afterAll(() => fixture?.stop());

/** POSTs `body` with these extra headers (a signature or not). */
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** Expects the refusal, and that nothing was executed. */
async function expectRefused(response: Response, executedBefore: number) {
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual(REFUSED);
  expect(executed.count).toBe(executedBefore);
}

const OK = JSON.stringify({ query: '{ ok }' });

describe('a subgraph with SUBGRAPH_SECRET serves the gateway alone, over HTTP', () => {
  it('answers a request the gateway signed', async () => {
    const response = await fixture.post({ query: '{ ok }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { ok: 'ok' } });
  });

  it('refuses an unsigned request, and does not reveal its schema', async () => {
    const before = executed.count;
    await expectRefused(await post(OK), before);
    const sdl = await post(JSON.stringify({ query: '{ _service { sdl } }' }));
    expect(sdl.status).toBe(401);
    expect(await sdl.text()).not.toContain('clientIp');
    const get = await fetch(`${url}?query=${encodeURIComponent('{ ok }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    await expectRefused(get, before);
  });

  it('refuses a signature made with another secret', async () => {
    const before = executed.count;
    const forged = gatewaySignature('not-the-secret-but-just-as-long-as-it', url, OK);
    await expectRefused(await post(OK, forged), before);
  });

  it('refuses a replayed signature older than the window', async () => {
    const before = executed.count;
    const old = gatewaySignature(SECRET, url, OK, 'POST', Date.now() - 60_000);
    await expectRefused(await post(OK, old), before);
  });

  it('refuses a signature made for another body', async () => {
    const before = executed.count;
    const other = gatewaySignature(SECRET, url, JSON.stringify({ query: '{ __typename }' }));
    await expectRefused(await post(OK, other), before);
  });

  it('counts refusals in its metrics, and keeps health and metrics open to probes', async () => {
    await post(OK);
    const metrics = await fetch(new URL('/metrics', url));
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(
      /graphql_operations_total\{operation="unknown",type="unknown",outcome="refused",service="probe"\} [1-9]/,
    );
    expect((await fetch(new URL('/health', url))).status).toBe(200);
    expect((await fetch(new URL('/health/ready', url))).status).toBe(200);
  });
});

describe('a subgraph with SUBGRAPH_SECRET serves the gateway alone, over WebSocket', () => {
  const subscribe = JSON.stringify({
    id: '1',
    type: 'subscribe',
    payload: { query: 'subscription { ticks }' },
  });

  it('accepts an upgrade the gateway signed', async () => {
    const opened = await openGraphqlWs(url, gatewaySignature(SECRET, url, '', 'GET'));
    if (opened.refused) throw new Error(`refused: ${opened.refused.status}`);
    opened.socket.send(subscribe);
    await new Promise((resolve) => opened.socket.once('message', resolve));
    expect(opened.messages).toContainEqual({ id: '1', type: 'next', payload: { data: { ticks: 1 } } });
    opened.socket.close();
  });

  it.each([
    ['no signature', () => ({})],
    ['another secret', () => gatewaySignature('not-the-secret-but-just-as-long-as-it', url, '', 'GET')],
    ['an old signature', () => gatewaySignature(SECRET, url, '', 'GET', Date.now() - 60_000)],
    ['a signature of a request with a body', () => gatewaySignature(SECRET, url, OK, 'GET')],
  ])('refuses an upgrade with %s before any WebSocket exists', async (_case, headers) => {
    const before = executed.count;
    const opened = await openGraphqlWs(url, headers());
    expect(opened.refused?.status).toBe(401);
    expect(JSON.parse(opened.refused!.body)).toEqual(REFUSED);
    expect(executed.count).toBe(before);
  });
});

describe("the client's address", () => {
  const clientIp = JSON.stringify({ query: '{ clientIp }' });
  const forwardedFor = { 'x-forwarded-for': '203.0.113.9' };

  it("is the gateway's X-Forwarded-For on a request the gateway signed", async () => {
    const response = await fixture.post({ query: '{ clientIp }' }, forwardedFor);
    expect(((await response.json()) as any).data.clientIp).toBe('203.0.113.9');
  });

  it('is the socket address when no gateway vouches for the header', async () => {
    const open = await startTestSubgraph(probe, {}, fixture.database);
    try {
      const response = await fetch(open.subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...forwardedFor },
        body: clientIp,
      });
      expect(((await response.json()) as any).data.clientIp).toMatch(/(^|:)127\.0\.0\.1$/);
    } finally {
      await open.stop();
    }
  });
});

describe("the client's origin", () => {
  const clientOrigin = JSON.stringify({ query: '{ clientOrigin }' });
  const forwarded = { 'x-forwarded-host': 'api.example.com', 'x-forwarded-proto': 'https' };
  const originOf = async (response: Response) => ((await response.json()) as any).data.clientOrigin;

  it("is the gateway's X-Forwarded-Host and -Proto on a request the gateway signed", async () => {
    expect(await originOf(await fixture.post({ query: '{ clientOrigin }' }, forwarded))).toBe(
      'https://api.example.com',
    );
  });

  it('is unknown when the forwarded host is no plain host, or the protocol neither http nor https', async () => {
    const bad = { 'x-forwarded-host': 'evil.example/phish', 'x-forwarded-proto': 'https' };
    expect(await originOf(await fixture.post({ query: '{ clientOrigin }' }, bad))).toBeNull();
    const ftp = { 'x-forwarded-host': 'api.example.com', 'x-forwarded-proto': 'ftp' };
    expect(await originOf(await fixture.post({ query: '{ clientOrigin }' }, ftp))).toBeNull();
  });

  it('is unknown when no gateway vouches for the headers', async () => {
    const open = await startTestSubgraph(probe, {}, fixture.database);
    try {
      const response = await fetch(open.subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...forwarded },
        body: clientOrigin,
      });
      expect(await originOf(response)).toBeNull();
    } finally {
      await open.stop();
    }
  });
});
