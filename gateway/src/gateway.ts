import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  closeServer,
  createGraphQLHandler,
  createHttpServer,
  createLogger,
  createTokenBuckets,
  createTokenVerifier,
  apolloDefaults,
  listen,
  type Logger,
  remoteKeys,
  Resources,
  sendJson,
} from '@lattice/server-kit';
import type { GatewayConfig } from './config';
import { type GatewayContext, gatewayContext, rateHeadersPlugin } from './context';
import { SchemaAuthorization } from './authorization-plugin';
import { withEnforcedSecurityFeatures } from './security-features';
import { createRateGuard } from './rate-limit';
import { readinessRoute } from './health';
import { GatewayMetrics } from './metrics';
import { PersistedOperations } from './persisted-operations';
import { corsPreflight, httpPolicyHeaders } from './http-policy';
import { operationLimitsRule } from './operation-limits';
import { SubgraphResilience } from './resilient-fetch';
import { SubgraphDataSource } from './subgraph-data-source';
import { supergraphFromFile } from './supergraph-file';

export interface RunningGateway {
  /** The public GraphQL endpoint. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the federation gateway in front of the supergraph described by `config`. */
export async function startGateway(
  config: GatewayConfig,
  options: { logger?: Logger } = {},
): Promise<RunningGateway> {
  const log = options.logger?.child({ component: 'gateway' }) ?? createLogger('gateway', config.logLevel);
  const resources = new Resources(log);
  try {
    const services = new Map<string, string>();
    const metrics = new GatewayMetrics();
    const resilience = new SubgraphResilience(config.resilience, metrics);
    const gateway = new ApolloGateway({
      supergraphSdl: withEnforcedSecurityFeatures(supergraphFromFile(config.supergraphPath, log)),
      buildService: ({ name, url }) => {
        const target = config.subgraphUrls[name] ?? url;
        if (!target) throw new Error(`No URL for subgraph ${name}`);
        services.set(name, target);
        return new SubgraphDataSource({ url: target, subgraph: name, metrics, resilience });
      },
    });
    // @authenticated / @requiresScopes of each (re)loaded supergraph, enforced before planning.
    const authorization = new SchemaAuthorization();
    gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => authorization.update(coreSupergraphSdl));

    const jwksUrl = config.jwksUrl ?? jwksUrlOf(config.subgraphUrls.identity);
    if (!jwksUrl) throw new Error('JWKS_URL is required when SUBGRAPH_URLS does not name identity');
    const verify = createTokenVerifier(remoteKeys(jwksUrl));
    const buckets = createTokenBuckets({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
    resources.add('rate limiter', () => buckets.close());

    let loaded = false;
    const routes = {
      'GET /health': (_req: unknown, res: Parameters<typeof sendJson>[0]) =>
        sendJson(res, 200, { status: 'healthy', service: 'gateway' }),
      'GET /metrics': metrics.route(),
      'OPTIONS /graphql': corsPreflight(config.http),
      'GET /health/ready': readinessRoute(
        () => services,
        () => loaded,
      ),
    };
    const httpServer = createHttpServer(
      routes,
      (error) => log.error({ err: error }, 'request failed'),
      httpPolicyHeaders(config.http),
    );
    const persisted = config.persistedOperations && PersistedOperations.load(config.persistedOperations.path);
    const safelist =
      persisted && config.persistedOperations?.safelist ? [persisted.safelistPlugin<GatewayContext>()] : [];
    const apollo = new ApolloServer<GatewayContext>({
      ...apolloDefaults<GatewayContext>([
        rateHeadersPlugin(),
        metrics.plugin<GatewayContext>(),
        ...safelist,
        authorization.plugin(),
      ]),
      // Registered operations answer to their hash alone (automatic persisted queries).
      ...(persisted ? { persistedQueries: { cache: persisted.apqCache() } } : {}),
      gateway,
      introspection: config.nodeEnv !== 'production',
      // Oversized and over-deep documents are refused while parsing and validating,
      // before any planning or subgraph call.
      parseOptions: { maxTokens: config.limits.maxTokens },
      validationRules: [operationLimitsRule(config.limits)],
    });
    await apollo.start();
    loaded = true;
    resources.add('apollo', () => apollo.stop());
    Object.assign(routes, {
      '/graphql': createGraphQLHandler(apollo, {
        context: gatewayContext(verify, log, createRateGuard(buckets, config.rateLimits)),
        maxBodyBytes: config.maxBodyBytes,
      }),
    });

    const port = await listen(httpServer, config.port, config.host);
    resources.add('http server', () => closeServer(httpServer));
    const host = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
    const url = `http://${host}:${port}/graphql`;
    log.info({ url }, 'gateway ready');
    return { url, port, close: () => resources.close() };
  } catch (error) {
    await resources.close();
    throw error;
  }
}

function jwksUrlOf(identityGraphqlUrl: string | undefined): string | undefined {
  if (!identityGraphqlUrl) return undefined;
  return new URL('/.well-known/jwks.json', identityGraphqlUrl).toString();
}
