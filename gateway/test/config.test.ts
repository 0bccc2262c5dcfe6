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
      supergraph: { path: '/app/schema/supergraph.graphql' },
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

  it('reads the supergraph from a URL instead, polled every 10 s by default', () => {
    expect(
      gatewayConfigFromEnv({ SUPERGRAPH_URL: 'https://registry.example.com/supergraph' }).supergraph,
    ).toEqual({
      url: 'https://registry.example.com/supergraph',
      pollMs: 10_000,
    });
    expect(
      gatewayConfigFromEnv({ SUPERGRAPH_URL: 'http://registry:8080/sg', SUPERGRAPH_POLL_MS: '2500' })
        .supergraph,
    ).toEqual({ url: 'http://registry:8080/sg', pollMs: 2500 });
  });

  it.each([
    [{}, 'set either SUPERGRAPH_PATH (a file) or SUPERGRAPH_URL (an http(s) URL)'],
    [{ SUPERGRAPH_PATH: '/sg', SUPERGRAPH_URL: 'http://registry/sg' }, 'not both'],
  ])('needs exactly one supergraph source (%j)', (env, message) => {
    expect(() => gatewayConfigFromEnv(env)).toThrow(message);
  });

  it('refuses a supergraph URL that is not http(s)', () => {
    expect(() => gatewayConfigFromEnv({ SUPERGRAPH_URL: 'file:///sg' })).toThrow(
      'SUPERGRAPH_URL: must be an http(s) URL',
    );
  });

  it('reads the cost limits, with defaults', () => {
    expect(gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg' }).cost).toEqual({
      maxCost: 50_000,
      maxListSize: 1_000,
      defaultListSize: 10,
    });
    expect(
      gatewayConfigFromEnv({
        SUPERGRAPH_PATH: '/sg',
        MAX_COST: '300',
        MAX_LIST_SIZE: '50',
        DEFAULT_LIST_SIZE: '5',
      }).cost,
    ).toEqual({ maxCost: 300, maxListSize: 50, defaultListSize: 5 });
  });

  it("streams /media/ to media and /sites/ to sites' previews by default, and reads other prefixes", () => {
    expect(gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg' }).subgraphPaths).toEqual({
      '/media/': 'media',
      '/sites/': 'sites',
    });
    expect(
      gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg', SUBGRAPH_PATHS: '/media/=media, /exports/v1/=reports' })
        .subgraphPaths,
    ).toEqual({ '/media/': 'media', '/exports/v1/': 'reports' });
    expect(gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg', SUBGRAPH_PATHS: '' }).subgraphPaths).toEqual({});
  });

  it.each([
    'media=media',
    '/media=media',
    '/media/*=media',
    '/=media',
    '/media/',
    '/me dia/=media',
    '/a/=b=c',
  ])('refuses the subgraph path %j', (entry) => {
    expect(() => gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg', SUBGRAPH_PATHS: entry })).toThrow(
      'SUBGRAPH_PATHS: expected prefix=subgraph pairs',
    );
  });

  it('reads the public origin, which is optional', () => {
    expect(gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg' }).publicOrigin).toBeUndefined();
    expect(gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg', PUBLIC_URL: '' }).publicOrigin).toBeUndefined();
    expect(
      gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg', PUBLIC_URL: 'https://API.example.com:443/' })
        .publicOrigin,
    ).toBe('https://api.example.com');
    expect(
      gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg', PUBLIC_URL: 'http://localhost:4000' }).publicOrigin,
    ).toBe('http://localhost:4000');
  });

  it.each([
    ['ftp://example.com', 'must be an http(s) origin'],
    ['not a url', 'must be an http(s) origin'],
    ['https://example.com/api', 'no path'],
    ['https://example.com/?x=1', 'no path'],
  ])('refuses the public URL %j', (value, message) => {
    expect(() => gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg', PUBLIC_URL: value })).toThrow(message);
  });

  it('serves the IDE and the console outside production unless told not to, and in production only when told to', () => {
    const browser = (env: Record<string, string>) =>
      gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg', ...env }).browser;
    expect(browser({})).toEqual({ ide: true, console: true });
    expect(browser({ NODE_ENV: 'test' })).toEqual({ ide: true, console: true });
    expect(browser({ NODE_ENV: 'production' })).toEqual({ ide: false, console: false });
    expect(browser({ NODE_ENV: 'production', GATEWAY_IDE: 'true' })).toEqual({ ide: true, console: false });
    expect(browser({ NODE_ENV: 'production', GATEWAY_CONSOLE: 'true', GATEWAY_IDE: '' })).toEqual({
      ide: false,
      console: true,
    });
    expect(browser({ GATEWAY_IDE: 'false', GATEWAY_CONSOLE: 'false' })).toEqual({
      ide: false,
      console: false,
    });
    expect(() => gatewayConfigFromEnv({ SUPERGRAPH_PATH: '/sg', GATEWAY_IDE: 'yes' })).toThrow('GATEWAY_IDE');
  });
});
