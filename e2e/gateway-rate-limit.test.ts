import { gatewayConfigFromEnv, type RunningGateway, startGateway } from '@lattice/gateway';
import { itWithRedis, testRedisUrl } from '@lattice/testkit';
import { registerUser } from './support/accounts';
import { SUPERGRAPH, startTestLattice, type TestLattice } from './support/test-lattice';

const LIMITS = {
  RATE_LIMIT_USER_RPS: '0.1',
  RATE_LIMIT_USER_BURST: '5',
  RATE_LIMIT_IP_RPS: '1000',
  RATE_LIMIT_IP_BURST: '1000',
};
let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice(LIMITS, { subgraphs: ['accounts'] });
});
afterAll(() => lattice?.stop());

const me = (url: string, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });

describe('gateway rate limits', () => {
  it('lets a user burst, then answers 429 RATE_LIMITED with Retry-After, calling no subgraph', async () => {
    const user = await registerUser(lattice);
    const remaining = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await me(lattice.gateway.url, user.accessToken);
      expect(response.status).toBe(200);
      remaining.push(Number(response.headers.get('ratelimit-remaining')));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);

    const identityRequests = lattice.subgraphs.identity!.requests.count;
    const refused = await me(lattice.gateway.url, user.accessToken);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(lattice.subgraphs.identity!.requests.count).toBe(identityRequests);

    const other = await registerUser(lattice);
    expect((await me(lattice.gateway.url, other.accessToken)).status).toBe(200);
  });

  itWithRedis('shares a user budget across two gateway processes through Redis', async () => {
    const second: RunningGateway = await startGateway({
      ...gatewayConfigFromEnv({
        ...LIMITS,
        SUPERGRAPH_PATH: SUPERGRAPH,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        REDIS_URL: testRedisUrl(),
        REDIS_PREFIX: lattice.redisPrefix,
        SUBGRAPH_SECRET: lattice.subgraphSecret,
      }),
      subgraphUrls: Object.fromEntries(Object.values(lattice.subgraphs).map((s) => [s.name, s.url])),
      jwksUrl: new URL('/.well-known/jwks.json', lattice.subgraphs.identity!.url).toString(),
    });
    try {
      const user = await registerUser(lattice);
      const statuses = [];
      for (let i = 0; i < 6; i += 1) {
        statuses.push((await me(i % 2 ? second.url : lattice.gateway.url, user.accessToken)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await second.close();
    }
  });
});
