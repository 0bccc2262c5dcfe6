import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { SIGNATURE_HEADER, verifyRequest } from '@lattice/server-kit';
import { openUpstream } from '../../src/subscriptions/upstream';
import { SubgraphHttp } from '../../src/upstream/http-pool';

const SECRET = 'the-secret-of-this-gateway-and-its-subgraphs';

type Seen = { req: IncomingMessage; body: string };
let server: Server;
let url: string;
const seen: Seen[] = [];
const upgrades: IncomingMessage[] = [];
let wss: WebSocketServer;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ req, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    });
  });
  // Each upgrade is recorded, and the first connections are cut: the client connects again.
  wss = new WebSocketServer({ server });
  wss.on('connection', (socket, req) => {
    upgrades.push(req);
    if (upgrades.length < 3) socket.terminate();
    else socket.on('message', () => socket.send('{"type":"connection_ack"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  for (const socket of wss.clients) socket.terminate();
  wss.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const check = (req: IncomingMessage, body: string) =>
  verifyRequest(SECRET, req.headers[SIGNATURE_HEADER], { method: req.method!, target: req.url!, body });

describe('the gateway signs what it sends to subgraphs', () => {
  it('signs every HTTP request, for its body', async () => {
    const http = new SubgraphHttp({ signingSecret: SECRET });
    try {
      await http.post(new URL(url), { 'content-type': 'application/json' }, '{"query":"{ a }"}');
      await http.post(new URL(url), { 'content-type': 'application/json' }, '{"query":"{ b }"}');
    } finally {
      http.close();
    }
    const [first, second] = seen.slice(-2);
    expect(check(first!.req, first!.body)).toBe('valid');
    expect(check(second!.req, second!.body)).toBe('valid');
    expect(check(second!.req, first!.body)).toBe('mismatch');
  });

  it('sends no signature without a secret', async () => {
    const http = new SubgraphHttp();
    try {
      await http.post(new URL(url), {}, '{}');
    } finally {
      http.close();
    }
    expect(seen.at(-1)!.req.headers[SIGNATURE_HEADER]).toBeUndefined();
  });

  it('signs the upgrade of every WebSocket connection, reconnections included', async () => {
    const upstream = openUpstream({
      url,
      query: 'subscription { ticks }',
      variables: {},
      authorization: () => undefined,
      onEvent: () => {},
      onEnd: () => {},
      signingSecret: SECRET,
    });
    try {
      const deadline = Date.now() + 10_000;
      while (upgrades.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    } finally {
      upstream.close();
    }
    expect(upgrades.length).toBeGreaterThanOrEqual(3);
    for (const req of upgrades) expect(check(req, '')).toBe('valid');
  });
});
