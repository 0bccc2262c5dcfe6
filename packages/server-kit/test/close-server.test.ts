import { Agent, request, type Server } from 'node:http';
import { closeServer, createHttpServer, listen, sendJson } from '../src';

/** GET `path` on a keep-alive agent: the status and the Connection header it was answered with. */
function get(agent: Agent, port: number, path = '/'): Promise<{ status: number; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('closeServer', () => {
  let server: Server;
  let port: number;
  let agent: Agent;

  beforeEach(async () => {
    server = createHttpServer({ '/': (_req, res) => sendJson(res, 200, { ok: true }) }, () => {});
    port = await listen(server, 0, '127.0.0.1');
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });
  afterEach(() => agent.destroy());

  it('keeps answering busy keep-alive clients while closing, asking them to close the connection', async () => {
    expect(await get(agent, port)).toEqual({ status: 200, connection: 'keep-alive' });
    const closed = closeServer(server, 5_000, 2_000);
    // The client's pooled connection is idle here: a server closing idle sockets at once would
    // fail this request ("socket hang up") whenever the two meet.
    expect(await get(agent, port)).toEqual({ status: 200, connection: 'close' });
    await closed;
    expect(server.listening).toBe(false);
  });

  it('closes connections left idle within its drain window, well before the grace ends', async () => {
    await get(agent, port);
    const started = Date.now();
    await closeServer(server, 10_000, 2_000);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('without a drain window (tests, npm start) closes idle connections at once', async () => {
    await get(agent, port);
    const started = Date.now();
    await closeServer(server, 10_000);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
