import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayMetrics } from '../../src/metrics';
import { SubgraphDataSource } from '../../src/upstream/data-source';
import { SubgraphHttp } from '../../src/upstream/http-pool';
import { SubgraphResilience } from '../../src/upstream/resilience';

// A subgraph answering 4xx with GraphQL errors refused the client's input: that is its answer,
// passed on to the client, not a failure of the subgraph.
const REFUSAL = {
  errors: [
    {
      message:
        'Variable "$from" got invalid value "2026-02-30"; Date 2026-02-30 is not a day of the calendar',
      path: ['signups'],
      extensions: { code: 'BAD_USER_INPUT', field: 'from' },
    },
  ],
};

let server: Server;
let url: string;
let received = 0;
const http = new SubgraphHttp();

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res
        .writeHead(400, { 'content-type': 'application/graphql-response+json' })
        .end(JSON.stringify(REFUSAL));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  http.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function query() {
  return {
    kind: 'incoming operation' as never,
    request: { query: '{ signups { total } }', variables: {} },
    incomingRequestContext: { overallCachePolicy: { restrict: () => undefined } } as never,
    context: { requestId: 'req-1', client: {} } as never,
  };
}

test('its errors (message, path, code) are the answer, sent once, and its circuit stays closed', async () => {
  const metrics = new GatewayMetrics();
  const resilience = new SubgraphResilience(
    { timeoutMs: 1_000, retries: 2, failureThreshold: 1, resetMs: 60_000, backoffMs: 1 },
    metrics,
  );
  const source = new SubgraphDataSource({ url, subgraph: 'analytics', metrics, resilience, http });
  received = 0;
  for (let i = 0; i < 3; i += 1) {
    const answer = await source.process(query());
    expect(answer.errors).toEqual(REFUSAL.errors);
  }
  // Not retried, and with a threshold of one failure the circuit would have opened at once.
  expect(received).toBe(3);
  expect(resilience.breakerFor('analytics').isOpen).toBe(false);
});
