import { gatewaySignature, startTestSubgraph } from '../src/testing';
import { probe } from './support/probe';
import { openGraphqlWs } from './support/websocket';

const SECRET = 'the-secret-of-this-gateway-and-its-subgraphs';

describe('a subgraph shutting down', () => {
  it('closes open subscriptions with 1001 (go away: reconnect elsewhere) and stops promptly', async () => {
    const fixture = await startTestSubgraph(probe, { SUBGRAPH_SECRET: SECRET });
    const url = fixture.subgraph.url;
    const opened = await openGraphqlWs(url, gatewaySignature(SECRET, url, '', 'GET'));
    if (opened.refused) throw new Error(`refused: ${opened.refused.status}`);
    opened.socket.send(
      JSON.stringify({ id: 'live', type: 'subscribe', payload: { query: 'subscription { ticks }' } }),
    );
    const started = Date.now();
    await fixture.stop();
    expect(await opened.closed).toBe(1001);
    // Before, the HTTP server waited for the upgraded socket until the shutdown gave up (15 s).
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
