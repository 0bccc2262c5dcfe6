import { ConfigError } from '@lattice/server-kit';
import { gatewayConfigFromEnv } from '../src';

describe('gateway configuration', () => {
  it('reads the supergraph path, port and subgraph URL overrides', () => {
    const config = gatewayConfigFromEnv({
      SUPERGRAPH_PATH: '/app/schema/supergraph.graphql',
      PORT: '8080',
      SUBGRAPH_URLS: 'identity=http://identity:4001/graphql, accounts=http://accounts:4002/graphql',
    });
    expect(config).toMatchObject({
      port: 8080,
      supergraphPath: '/app/schema/supergraph.graphql',
      subgraphUrls: { identity: 'http://identity:4001/graphql', accounts: 'http://accounts:4002/graphql' },
    });
  });

  it('reports every bad variable at once', () => {
    expect(() => gatewayConfigFromEnv({ PORT: 'eighty', SUBGRAPH_URLS: 'identity' })).toThrow(ConfigError);
    try {
      gatewayConfigFromEnv({ PORT: 'eighty', SUBGRAPH_URLS: 'identity' });
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
      expect(problems.some((p) => p.startsWith('SUPERGRAPH_PATH:'))).toBe(true);
      expect(problems.some((p) => p.startsWith('SUBGRAPH_URLS:') && p.includes('name=url'))).toBe(true);
    }
  });
});
