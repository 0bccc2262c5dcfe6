import { gatewaySignature, startTestSubgraph, type TestSubgraph } from '../src/testing';
import { executed, probe } from './support/probe';
import { openGraphqlWs } from './support/websocket';

const SECRET = 'the-secret-of-this-gateway-and-its-subgraphs';
const MAX_BODY_BYTES = 4096;

let fixture: TestSubgraph;
beforeAll(async () => {
  fixture = await startTestSubgraph(probe, {
    SUBGRAPH_SECRET: SECRET,
    MAX_BODY_BYTES: String(MAX_BODY_BYTES),
  });
});
afterAll(() => fixture?.stop());

describe('WebSocket messages on a subgraph', () => {
  it('closes the socket with 1009 on a message over MAX_BODY_BYTES, without reading it', async () => {
    const url = fixture.subgraph.url;
    const opened = await openGraphqlWs(url, gatewaySignature(SECRET, url, '', 'GET'));
    if (opened.refused) throw new Error(`refused: ${opened.refused.status}`);
    const before = executed.count;
    // graphql-ws reports the socket's error on stderr; the client sees the close code.
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // A valid subscribe message, padded past the limit: read, it would start the subscription.
      const query = `subscription { ticks }${' '.repeat(MAX_BODY_BYTES)}`;
      opened.socket.send(JSON.stringify({ id: 'big', type: 'subscribe', payload: { query } }));
      const answer = new Promise<string>((resolve) =>
        opened.socket.once('message', (data) => resolve(String(data))),
      );
      expect(await Promise.race([opened.closed.then((code) => `closed ${code}`), answer])).toBe(
        'closed 1009',
      );
      expect(executed.count).toBe(before);
    } finally {
      stderr.mockRestore();
    }
  });
});
