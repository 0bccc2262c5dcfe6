import { createTokenVerifier, sendJson } from '@lattice/server-kit';
import { defineSubgraph, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import type { IdentityRuntime } from './runtime';
import { ensureAdmin } from './service/first-admin';
import { LoginThrottle } from './service/login-throttle';
import { OidcClients } from './service/oidc';
import { identitySettings } from './service/settings';
import { KeyStore } from './service/signing-keys';
import { createFailureCounters } from './service/throttle/failure-counters';

const KEY_RELOAD_MS = 60_000;

/** identity: credentials, roles, sessions and the keys that sign access tokens. */
export const identity = defineSubgraph({
  name: 'identity',
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  settings: identitySettings,
  async init({ orm, config, settings, log }): Promise<IdentityRuntime> {
    const keys = await KeyStore.load(orm.em.fork(), settings.accessTokenTtlSeconds);
    if (settings.adminEmail && settings.adminPassword) {
      const outcome = await ensureAdmin(orm.em.fork(), settings.adminEmail, settings.adminPassword);
      log.info({ email: settings.adminEmail, outcome }, 'first admin ensured');
    }
    const failures = createFailureCounters({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
    const reload = setInterval(() => {
      keys
        .reload(orm.em.fork())
        .catch((error: unknown) => log.error({ err: error }, 'signing key reload failed'));
    }, KEY_RELOAD_MS);
    reload.unref();
    return {
      keys,
      settings,
      throttle: new LoginThrottle(failures, settings),
      oidc: new OidcClients(settings),
      close: async () => {
        clearInterval(reload);
        await failures.close();
      },
    };
  },
  close: (runtime) => runtime.close(),
  loaders: (em) => createLoaders(em),
  // Identity checks tokens against its own keys: no HTTP round trip to itself.
  tokenVerifier: ({ keys }) => createTokenVerifier(keys.verificationKeys),
  routes: ({ keys }) => ({
    'GET /.well-known/jwks.json': (_req, res) => sendJson(res, 200, keys.jwks()),
  }),
});
