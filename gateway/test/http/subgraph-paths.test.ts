import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gatewayConfigFromEnv, type RunningGateway, startGateway } from '../../src';

const SUPERGRAPH = join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql');
const APP = 'https://app.example.com';

let files: Server;
let received: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[];
let gateway: RunningGateway;

/**
 * The whole gateway with SUBGRAPH_PATHS: `/files/` goes to the accounts subgraph, here a
 * plain node:http server (no GraphQL is asked of it).
 */
beforeAll(async () => {
  received = [];
  files = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    received.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.writeHead(201, { location: '/files/uploads/1', 'tus-resumable': '1.0.0' });
    res.end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/graphql`;
  gateway = await startGateway(
    gatewayConfigFromEnv({
      SUPERGRAPH_PATH: SUPERGRAPH,
      SUBGRAPH_URLS: `identity=http://127.0.0.1:9/graphql,accounts=${filesUrl}`,
      SUBGRAPH_PATHS: '/files/=accounts',
      PUBLIC_URL: 'https://api.example.com',
      CORS_ORIGINS: APP,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    }),
  );
});
afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => files?.close(resolve));
});

const on = (path: string) => new URL(path, gateway.url).toString();

describe('a gateway with SUBGRAPH_PATHS', () => {
  it("streams those paths to the subgraph, unsigned, saying the client's origin", async () => {
    const response = await fetch(on('/files/uploads?x=1'), {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '5', origin: APP },
      body: 'hello',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/files/uploads/1');
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-expose-headers')).toContain('upload-offset');
    expect(received[0]).toMatchObject({ method: 'POST', url: '/files/uploads?x=1', body: 'hello' });
    expect(received[0]!.headers).toMatchObject({
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-host': 'api.example.com',
      'x-forwarded-proto': 'https',
      'tus-resumable': '1.0.0',
    });
    expect(received[0]!.headers['x-lattice-signature']).toBeUndefined();
  });

  it("answers the browsers' preflight for those paths, and still serves its own routes", async () => {
    const preflight = await fetch(on('/files/uploads'), {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'PATCH' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect((await fetch(on('/health'))).status).toBe(200);
    expect((await fetch(on('/media/anything'))).status).toBe(404);
  });

  it('counts them in its metrics', async () => {
    const metrics = await (await fetch(on('/metrics'))).text();
    expect(metrics).toMatch(
      /subgraph_pass_through_requests_total\{[^}]*subgraph="accounts"[^}]*outcome="2xx"[^}]*\} 1/,
    );
  });
});
