import type { Socket } from 'node:net';
import { closeServer, createHttpServer, KEEP_ALIVE_TIMEOUT_MS, listen, sendJson } from '@lattice/server-kit';
import { SUBGRAPH_IDLE_TIMEOUT_MS, SubgraphHttp } from '../../src/upstream/http-pool';

/** A subgraph-like server that notes, for each connection, which side hung up first. */
async function startServer() {
  const server = createHttpServer({ '/graphql': (_req, res) => sendJson(res, 200, { data: {} }) }, () => {});
  const closedBy: string[] = [];
  server.on('connection', (socket: Socket) => {
    let clientEnded = false;
    socket.on('end', () => (clientEnded = true));
    socket.on('close', () => closedBy.push(clientEnded ? 'gateway' : 'subgraph'));
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { server, closedBy, url: new URL(`http://127.0.0.1:${port}/graphql`) };
}

describe("the gateway's pool and a subgraph's keep-alive", () => {
  it('lets the gateway close an idle connection before the subgraph would', () => {
    // The subgraph hanging up first is the race that reset a mutation (ECONNRESET).
    expect(SUBGRAPH_IDLE_TIMEOUT_MS).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS);
    expect(createHttpServer({}, () => {}).keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
  });

  it('closes its idle connection itself, and reuses it while it is busy', async () => {
    const { server, closedBy, url } = await startServer();
    const pool = new SubgraphHttp({ idleTimeoutMs: 300 });
    try {
      for (let i = 0; i < 3; i += 1) expect((await pool.post(url, {}, '{}')).status).toBe(200);
      const deadline = Date.now() + 5_000;
      while (closedBy.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(closedBy).toEqual(['gateway']);
      expect((await pool.post(url, {}, '{}')).status).toBe(200);
    } finally {
      pool.close();
      await closeServer(server);
    }
  });
});
