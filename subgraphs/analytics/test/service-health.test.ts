import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_STATS_CHANNEL, type GatewayStatsMessage } from '@lattice/events';
import {
  startTestSubgraph,
  type TestSubgraph,
  startTokenIssuer,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import { waitFor } from '@lattice/testkit';
import { analytics } from '../src/subgraph';
import { post } from './support/graphql';

let fixture: TestSubgraph;
let issuer: TokenIssuer;
let admin: string;
let healthy: Server;
let ready = true;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  // A service whose readiness the test switches.
  healthy = createServer((req, res) => {
    res.writeHead(req.url === '/health/ready' && ready ? 200 : 503).end('{}');
  });
  await new Promise<void>((resolve) => healthy.listen(0, '127.0.0.1', resolve));
  const port = (healthy.address() as AddressInfo).port;
  fixture = await startTestSubgraph(analytics, {
    JWKS_URL: issuer.jwksUrl,
    // Port 9 (discard) on loopback: nothing listens, so its probe fails.
    MONITORED_SERVICES: `identity=http://127.0.0.1:${port}/graphql,accounts=http://127.0.0.1:9/graphql`,
    HEALTH_PROBE_INTERVAL_MS: '100',
    GATEWAY_STATS_WINDOW_MS: '1500',
  });
  admin = await issuer.token('admin');
});
afterAll(async () => {
  await fixture?.stop();
  await issuer?.close();
  await new Promise((resolve) => healthy?.close(resolve));
});

const HEALTH = `{ serviceHealth { name status probeLatencyMs checkedAt upSince uptime requestRate errorRate averageLatencyMs } }`;
const health = async () => {
  const { data, errors } = await post(fixture.subgraph.url, HEALTH, {}, admin);
  expect(errors).toBeUndefined();
  return Object.fromEntries(data.serviceHealth.map((row: any) => [row.name, row]));
};

const stats = (
  instance: string,
  subgraphs: GatewayStatsMessage['subgraphs'],
  subscribers = 0,
): GatewayStatsMessage => ({
  instance,
  at: new Date().toISOString(),
  intervalMs: 1000,
  subscribers,
  subgraphs,
});

describe('serviceHealth', () => {
  it('probes every monitored service and itself', async () => {
    const rows = await waitFor(
      async () => {
        const current = await health();
        return current.identity?.status === 'UP' && current.accounts?.status === 'DOWN' ? current : undefined;
      },
      { message: 'identity up, accounts down' },
    );
    expect(Object.keys(rows)).toEqual(['accounts', 'analytics', 'identity']);
    expect(rows.analytics.status).toBe('UP');
    expect(rows.identity).toMatchObject({
      uptime: 1,
      requestRate: 0,
      errorRate: null,
      averageLatencyMs: null,
    });
    expect(rows.identity.probeLatencyMs).toBeGreaterThan(0);
    expect(Date.parse(rows.identity.upSince)).toBeLessThanOrEqual(Date.parse(rows.identity.checkedAt));
    expect(rows.accounts).toMatchObject({ upSince: null, uptime: 0 });
  });

  it('marks a service down when its readiness fails, and lowers its uptime', async () => {
    ready = false;
    try {
      const rows = await waitFor(
        async () => {
          const current = await health();
          return current.identity.status === 'DOWN' ? current : undefined;
        },
        { message: 'identity down' },
      );
      expect(rows.identity.upSince).toBeNull();
      expect(rows.identity.uptime).toBeGreaterThan(0);
      expect(rows.identity.uptime).toBeLessThan(1);
    } finally {
      ready = true;
    }
    await waitFor(async () => (await health()).identity.status === 'UP', { message: 'identity up again' });
  });

  it('sums the traffic the gateways report over the window, per subgraph', async () => {
    await fixture.bus.broadcast(
      GATEWAY_STATS_CHANNEL,
      stats('gw-a', { identity: { requests: 10, errors: 1, totalMs: 200 } }, 3),
    );
    await fixture.bus.broadcast(
      GATEWAY_STATS_CHANNEL,
      stats('gw-b', {
        identity: { requests: 30, errors: 3, totalMs: 600 },
        accounts: { requests: 4, errors: 4, totalMs: 8 },
      }),
    );
    await fixture.bus.broadcast(GATEWAY_STATS_CHANNEL, { instance: 'broken' }); // ignored
    const rows = await waitFor(async () => {
      const current = await health();
      return current.identity.requestRate > 0 ? current : undefined;
    });
    expect(rows.identity).toMatchObject({ requestRate: 40, errorRate: 0.1, averageLatencyMs: 20 });
    expect(rows.accounts).toMatchObject({ requestRate: 4, errorRate: 1, averageLatencyMs: 2 });
    expect(rows.analytics).toMatchObject({ requestRate: 0, errorRate: null });
    // Gateways silent for longer than the window no longer count.
    await waitFor(async () => (await health()).identity.requestRate === 0, {
      timeoutMs: 4000,
      message: 'the window to pass',
    });
  });
});
