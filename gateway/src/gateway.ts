import type { IncomingMessage, ServerResponse } from 'node:http';
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
  guardedMetricsRoute,
  listen,
  type Logger,
  remoteKeys,
  Resources,
  sendJson,
  serveMetrics,
  startTracing,
  trustedProxies,
} from '@lattice/server-kit';
import { createEventBus, type EventBus } from '@lattice/events/bus';
import type { GatewayConfig } from './config';
import { type GatewayContext, gatewayContext, operationLogPlugin, rateHeadersPlugin } from './context';
import { GatewayMetrics } from './metrics';
import { SchemaAuthorization } from './authorization/plugin';
import { browserRoutes, wantsHtml } from './http/browser/routes';
import { readinessRoute } from './http/health';
import type { Ingress } from './http/ingress';
import { passThroughRoutes } from './http/pass-through';
import { webhookRoutes } from './http/webhooks';
import { corsPreflight, httpPolicyHeaders } from './http/policy';
import { AdaptiveConcurrency } from './limits/admission';
import { OperationCost } from './limits/cost/plugin';
import { PersistedOperations } from './limits/persisted-operations';
import { createRateGuard } from './limits/rate-limit';
import { operationLimitsRule } from './limits/shape';
import { followRevocations, revocationKeepMs, Revocations } from './revocation';
import { GatewaySubscriptions } from './subscriptions';
import { withEnforcedSecurityFeatures } from './supergraph/security-features';
import { supergraphHook } from './supergraph/source';
import { SubgraphDataSource } from './upstream/data-source';
import { SubgraphHttp } from './upstream/http-pool';
import { SubgraphResilience } from './upstream/resilience';
import { TracedSubgraphDataSource } from './upstream/traced-data-source';

export interface RunningGateway {
  /** The public GraphQL endpoint. */
  url: string;
  port: number;
  /** Where `/metrics` is served (on METRICS_PORT, or the public port); undefined: nowhere. */
  metricsUrl?: string;
  close(): Promise<void>;
}

/** Starts the federation gateway in front of the supergraph described by `config`. */
export async function startGateway(
  config: GatewayConfig,
  options: {
    logger?: Logger;
    /** Where live statistics go; default: a Redis bus when REDIS_URL is set, else none. */
    bus?: EventBus;
  } = {},
): Promise<RunningGateway> {
  const log = options.logger?.child({ component: 'gateway' }) ?? createLogger('gateway', config.logLevel);
  const resources = new Resources(log);
  try {
    // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; global, so @apollo/gateway's spans are the gateway's.
    const tracing = await startTracing('gateway', { global: true });
    resources.add('tracing', () => tracing.flush());
    const services = new Map<string, string>();
    const dataSources: Record<string, SubgraphDataSource> = {};
    const metrics = new GatewayMetrics();
    const resilience = new SubgraphResilience(config.resilience, metrics);
    // Keep-alive connection pools to the subgraphs, shared by every (re)built data source.
    // Signed with SUBGRAPH_SECRET: subgraphs serve the gateway alone.
    const subgraphHttp = new SubgraphHttp({ signingSecret: config.subgraphSecret });
    if (!config.subgraphSecret && config.nodeEnv === 'production') {
      log.warn(
        'SUBGRAPH_SECRET is not set: requests to subgraphs are not signed, and Lattice subgraphs refuse them',
      );
    }
    resources.add('subgraph connections', () => subgraphHttp.close());
    const ingress: Ingress = {
      proxies: trustedProxies(config.trustedProxies),
      publicOrigin: config.publicOrigin,
    };
    if (!config.publicOrigin && config.nodeEnv === 'production') {
      log.warn(
        "PUBLIC_URL is not set: the URLs subgraphs hand out are built from each request's Host header",
      );
    }
    const gateway = new ApolloGateway({
      supergraphSdl: withEnforcedSecurityFeatures(supergraphHook(config.supergraph, log)),
      buildService: ({ name, url }) => {
        const target = config.subgraphUrls[name] ?? url;
        if (!target) throw new Error(`No URL for subgraph ${name}`);
        services.set(name, target);
        const sourceOptions = { url: target, subgraph: name, metrics, resilience, http: subgraphHttp };
        const dataSource = tracing.tracer
          ? new TracedSubgraphDataSource(tracing.tracer, sourceOptions)
          : new SubgraphDataSource(sourceOptions);
        dataSources[name] = dataSource;
        return dataSource;
      },
    });
    // @authenticated / @requiresScopes of each (re)loaded supergraph, enforced before planning.
    const authorization = new SchemaAuthorization();
    gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => authorization.update(coreSupergraphSdl));
    const subscriptions = new GatewaySubscriptions({
      directory: {
        dataSources: () => dataSources,
        url: (name) => services.get(name),
        signingSecret: config.subgraphSecret,
      },
      authorization,
      metrics,
      options: config.subscriptions,
      log,
    });
    // After authorization (registered first), so re-planned subscriptions see its requirements.
    gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => subscriptions.update(coreSupergraphSdl));
    // @cost / @listSize of each (re)loaded supergraph, for the estimated cost of operations.
    const cost = new OperationCost(config.cost);
    gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => cost.update(coreSupergraphSdl));

    const jwksUrl = config.jwksUrl ?? jwksUrlOf(config.subgraphUrls.identity);
    if (!jwksUrl) throw new Error('JWKS_URL is required when SUBGRAPH_URLS does not name identity');
    // Revoked tokens (sign-out, ban, demotion...) are refused, and their connections closed.
    const revocationKeep = revocationKeepMs(config.accessTokenTtlSeconds);
    const revocations = new Revocations(revocationKeep);
    const verify = revocations.guard(createTokenVerifier(remoteKeys(jwksUrl)));
    const buckets = createTokenBuckets({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
    resources.add('rate limiter', () => buckets.close());

    let loaded = false;
    // The GraphQL IDE and the admin console (GATEWAY_IDE, GATEWAY_CONSOLE): see http/browser/.
    const browser = browserRoutes(config.browser, log);
    const routes = {
      ...browser.routes,
      'GET /health': (_req: unknown, res: Parameters<typeof sendJson>[0]) =>
        sendJson(res, 200, { status: 'healthy', service: 'gateway' }),
      // In production, only where configured (METRICS_PORT, METRICS_TOKEN): see config.ts.
      ...(config.metrics.public
        ? { 'GET /metrics': guardedMetricsRoute(metrics.route(), config.metrics.token) }
        : {}),
      'OPTIONS /graphql': corsPreflight(config.http),
      'GET /health/ready': readinessRoute(
        () => services,
        () => loaded,
      ),
      ...webhookRoutes(config.webhookRoutes, (name) => services.get(name), subgraphHttp, log),
      // Unsigned, streamed both ways: see http/pass-through.ts.
      ...passThroughRoutes({
        paths: config.subgraphPaths,
        subgraphUrl: (name) => services.get(name),
        agentFor: (url) => subgraphHttp.agentFor(url),
        ingress,
        policy: config.http,
        metrics,
        log,
      }),
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
        operationLogPlugin(),
        ...safelist,
        cost.plugin<GatewayContext>(), // before authorization: the document as sent is estimated
        authorization.plugin(),
        // Last: it sees the response as sent (authorization's refusals included).
        metrics.plugin<GatewayContext>(),
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
    // Operations wait their turn once the core is saturated (see limits/admission.ts).
    const admission = new AdaptiveConcurrency();
    resources.add('admission', () => admission.close());
    const graphqlOverHttp = createGraphQLHandler(apollo, {
      context: gatewayContext(verify, log, createRateGuard(buckets, config.rateLimits), ingress),
      maxBodyBytes: config.maxBodyBytes,
      tracer: tracing.tracer,
      admit: admission.run,
      // Without tracing, no AsyncLocalStorage scope per request (see operationLogPlugin).
      requestScope: false,
    });
    const bus = options.bus ?? ownBus(config, log, resources);
    await followRevocations({
      bus,
      revocations,
      keepMs: revocationKeep,
      redisUrl: config.redisUrl,
      redisPrefix: config.redisPrefix,
      log,
      resources,
    });
    const live = subscriptions.serve({
      httpServer,
      path: '/graphql',
      apollo,
      verify,
      revocations,
      ingress,
      validationRules: [operationLimitsRule(config.limits)],
      maxTokens: config.limits.maxTokens,
      cost,
      safelist: config.persistedOperations?.safelist ? persisted || undefined : undefined,
      bus,
    });
    Object.assign(routes, {
      '/graphql': (req: IncomingMessage, res: ServerResponse, url: URL) =>
        browser.ide && wantsHtml(req)
          ? browser.ide(req, res, url)
          : live.wantsEventStream(req)
            ? live.sse(req, res)
            : graphqlOverHttp(req, res, url),
    });

    const port = await listen(httpServer, config.port, config.host);
    resources.add('http server', () => closeServer(httpServer, undefined, config.shutdownIdleDrainMs));
    const metricsServer =
      config.metrics.port === undefined
        ? undefined
        : await serveMetrics(guardedMetricsRoute(metrics.route(), config.metrics.token), {
            port: config.metrics.port,
            host: config.host,
            onError: (error) => log.error({ err: error }, 'metrics request failed'),
          });
    if (metricsServer) resources.add('metrics server', () => metricsServer.close());
    // Closed first: subscribers are told to go away (and reconnect) before the server stops.
    resources.add('subscriptions', () => live.close());
    const host = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
    const url = `http://${host}:${port}/graphql`;
    const metricsUrl = metricsServer
      ? `http://${host}:${metricsServer.port}/metrics`
      : config.metrics.public
        ? new URL('/metrics', url).toString()
        : undefined;
    log.info({ url, metricsUrl }, 'gateway ready');
    return { url, port, metricsUrl, close: () => resources.close() };
  } catch (error) {
    await resources.close();
    throw error;
  }
}

/** A Redis bus of the gateway's own for live statistics, when it runs as its own process. */
function ownBus(config: GatewayConfig, log: Logger, resources: Resources): EventBus | undefined {
  if (!config.redisUrl) return undefined;
  const bus = createEventBus({
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    onError: (error) => log.error({ err: error }, 'event bus error'),
  });
  resources.add('event bus', () => bus.close());
  return bus;
}

function jwksUrlOf(identityGraphqlUrl: string | undefined): string | undefined {
  if (!identityGraphqlUrl) return undefined;
  return new URL('/.well-known/jwks.json', identityGraphqlUrl).toString();
}
