import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gatewayConfigFromEnv, type RunningGateway, startGateway } from '../../src';

const SUPERGRAPH = join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql');

let upstream: Server;
let received: string[];
let gateway: RunningGateway;

/**
 * A subgraph's internal routes (`/internal/…`, service to service) are served on its own
 * port only: the gateway has no route there, and its pass-through paths (`/media/` by
 * default) cannot be walked out of. Here billing and media are one plain server recording
 * what reaches it.
 */
beforeAll(async () => {
  received = [];
  upstream = createServer((req, res) => {
    received.push(req.url ?? '');
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"result":null}');
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`;
  gateway = await startGateway(
    gatewayConfigFromEnv({
      SUPERGRAPH_PATH: SUPERGRAPH,
      SUBGRAPH_URLS: `identity=http://127.0.0.1:9/graphql,billing=${url},media=${url}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    }),
  );
});
afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => upstream?.close(resolve));
});

/** A request with its path exactly as written (fetch would normalize it first). */
function send(method: string, path: string): Promise<number> {
  const { hostname, port } = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      hostname,
      port,
      method,
      path,
      headers: { 'content-type': 'application/json' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{"userId":"x","amount":1,"reference":"r"}' : undefined);
  });
}

describe('the gateway and internal routes', () => {
  it.each([
    ['POST', '/internal/credit-holds'],
    ['GET', '/internal/credit-holds'],
    ['POST', '/internal/credit-holds/release'],
    ['POST', '/media/../internal/credit-holds'],
    ['POST', '/media/%2e%2e/internal/credit-holds'],
    ['POST', '/media/%2E%2E/internal/credit-holds'],
    ['POST', '/media/..\\internal/credit-holds'],
    ['POST', '/webhooks/../internal/credit-holds'],
    ['POST', '/graphql/../internal/credit-holds'],
    ['POST', '/./internal/credit-holds'],
  ])('answers %s %s with 404, forwarding nothing', async (method, path) => {
    expect(await send(method, path)).toBe(404);
    expect(received).toEqual([]);
  });

  it('forwards an encoded slash under /media/ as it is: a media path, never an internal one', async () => {
    await send('POST', '/media/..%2finternal/credit-holds');
    expect(received).toEqual(['/media/..%2finternal/credit-holds']);
    expect(received.some((path) => path.startsWith('/internal'))).toBe(false);
  });

  it('refuses to pass /internal/ through, or a prefix with dot segments (SUBGRAPH_PATHS)', () => {
    for (const paths of ['/internal/=billing', '/internal/v1/=billing', '/media/../=media', '/./=media']) {
      expect(() => gatewayConfigFromEnv({ SUPERGRAPH_PATH: SUPERGRAPH, SUBGRAPH_PATHS: paths })).toThrow(
        'SUBGRAPH_PATHS',
      );
    }
  });
});
