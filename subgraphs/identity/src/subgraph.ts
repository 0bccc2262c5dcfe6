import { createTokenVerifier, sendJson } from '@lattice/server-kit';
import { defineSubgraph, subgraphFiles } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import type { IdentityRuntime } from './runtime';
import { identitySettings } from './service/settings';
import { KeyStore } from './service/signing-keys';

/** identity: credentials, roles, sessions and the keys that sign access tokens. */
export const identity = defineSubgraph({
  name: 'identity',
  ...subgraphFiles(__dirname),
  resolvers,
  entities,
  async init({ orm, config }): Promise<IdentityRuntime> {
    const settings = identitySettings(config.env);
    const keys = await KeyStore.load(orm.em.fork(), settings.accessTokenTtlSeconds);
    return { keys, settings };
  },
  loaders: (em) => createLoaders(em),
  // Identity checks tokens against its own keys: no HTTP round trip to itself.
  tokenVerifier: ({ keys }) => createTokenVerifier(keys.localKeySet()),
  routes: ({ keys }) => ({
    'GET /.well-known/jwks.json': (_req, res) => sendJson(res, 200, keys.jwks()),
  }),
});
