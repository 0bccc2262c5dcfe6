import { join } from 'node:path';
import { ConfigError } from '@lattice/server-kit';
import { gatewayConfigFromEnv, type RunningGateway, startGateway } from '../../src';

const SUPERGRAPH = join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql');
const TOKEN = 'a-metrics-token-for-prometheus';

/** A gateway on its own (no subgraph is called): only where /metrics is served matters here. */
function gatewayWith(env: Record<string, string>): Promise<RunningGateway> {
  return startGateway(
    gatewayConfigFromEnv({
      SUPERGRAPH_PATH: SUPERGRAPH,
      SUBGRAPH_URLS: 'identity=http://127.0.0.1:9/graphql',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...env,
    }),
  );
}

const gateways: RunningGateway[] = [];
async function started(env: Record<string, string>): Promise<RunningGateway> {
  const gateway = await gatewayWith(env);
  gateways.push(gateway);
  return gateway;
}
afterAll(() => Promise.all(gateways.map((gateway) => gateway.close())));

const scrape = (url: string, token?: string) =>
  fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const publicMetrics = (gateway: RunningGateway) => new URL('/metrics', gateway.url).toString();

describe("the gateway's /metrics", () => {
  it('moves to METRICS_PORT, off the public port', async () => {
    const gateway = await started({ NODE_ENV: 'production', METRICS_PORT: '0' });
    expect((await scrape(publicMetrics(gateway))).status).toBe(404);
    expect(new URL(gateway.metricsUrl!).port).not.toBe(String(gateway.port));
    const scraped = await scrape(gateway.metricsUrl!);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('process_resident_memory_bytes');
  });

  it('answers only a scraper presenting METRICS_TOKEN', async () => {
    const gateway = await started({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN });
    expect(gateway.metricsUrl).toBe(publicMetrics(gateway));
    expect((await scrape(gateway.metricsUrl!)).status).toBe(401);
    expect((await scrape(gateway.metricsUrl!, `${TOKEN}-not`)).status).toBe(401);
    const scraped = await scrape(gateway.metricsUrl!, TOKEN);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('process_resident_memory_bytes');
  });

  it('is not on the public port in production unless configured', async () => {
    const gateway = await started({ NODE_ENV: 'production' });
    expect(gateway.metricsUrl).toBeUndefined();
    expect((await scrape(publicMetrics(gateway))).status).toBe(404);
  });

  it('stays on the public port in development', async () => {
    const gateway = await started({ NODE_ENV: 'development' });
    expect((await scrape(publicMetrics(gateway))).status).toBe(200);
  });

  it('refuses a METRICS_PORT equal to PORT and a short METRICS_TOKEN', () => {
    const env = { SUPERGRAPH_PATH: SUPERGRAPH, PORT: '9464' };
    expect(() => gatewayConfigFromEnv({ ...env, METRICS_PORT: '9464' })).toThrow(/METRICS_PORT: must differ/);
    expect(() => gatewayConfigFromEnv({ ...env, METRICS_TOKEN: 'short' })).toThrow(ConfigError);
  });
});
