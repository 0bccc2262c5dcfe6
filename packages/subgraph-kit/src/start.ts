import { hostname } from 'node:os';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createEventBus, type EventBus, type EventType, idempotent, startOutboxRelay } from '@lattice/events';
import {
  clientAddress,
  closeServer,
  ConfigError,
  createGraphQLHandler,
  createHttpServer,
  createLogger,
  createTokenVerifier,
  apolloDefaults,
  FORWARDED_HOST_HEADER,
  FORWARDED_PROTO_HEADER,
  listen,
  originOf,
  parseEnv,
  type Logger,
  remoteKeys,
  requestIdOf,
  requestLogger,
  Resources,
  sendJson,
  ServiceMetrics,
  startTracing,
  type TokenVerifier,
  unauthenticated,
  viewerFromHeader,
  TRUST_PEER_ONLY,
} from '@lattice/server-kit';
import type { SubgraphConfig } from './config';
import type { SubgraphContext } from './context';
import type { SubgraphDefinition } from './definition';
import { createOrm, migrate } from './orm';
import type { SqlCounter } from './sql-scope';
import { GatewayOnly } from './gateway-only';
import { INTERNAL_PREFIX } from './internal-protocol';
import { checkInternalRoutes, internalRoutesHandler } from './internal-routes';
import { kickRelayAfterCommit } from './relay-kick';
import { traceSql } from './sql-tracing';
import { attachSubscriptions } from './subscriptions';

export interface RunningSubgraph {
  name: string;
  /** The GraphQL endpoint (`http://host:port/graphql`). */
  url: string;
  port: number;
  orm: MikroORM;
  bus: EventBus;
  /** SQL statements sent while serving requests, since the last reset. */
  sql: SqlCounter;
  /** GraphQL HTTP requests served since start. */
  requests: { count: number };
  log: Logger;
  close(): Promise<void>;
}

export interface StartOptions {
  /** A bus shared with other subgraphs of the same process; otherwise one is created. */
  bus?: EventBus;
  logger?: Logger;
  /** Names of the other subgraphs' schemas (kept out of generated migrations). */
  otherSchemas?: string[];
}

/** Starts a subgraph: ORM + migrations, event relay and consumers, HTTP + WebSocket server. */
export async function startSubgraph<TRuntime, TLoaders, TSettings>(
  definition: SubgraphDefinition<TRuntime, TLoaders, TSettings>,
  config: SubgraphConfig,
  options: StartOptions = {},
): Promise<RunningSubgraph> {
  type Context = SubgraphContext<TRuntime, TLoaders>;
  const log = (options.logger ?? createLogger(definition.name, config.logLevel)).child({
    subgraph: definition.name,
  });
  // Before anything is opened: a misconfigured subgraph changes nothing, not even its schema.
  if (config.nodeEnv === 'production' && !config.subgraphSecret) {
    throw new ConfigError([
      'SUBGRAPH_SECRET: required in production (the secret the gateway signs its requests with)',
    ]);
  }
  const settings = (definition.settings ? parseEnv(definition.settings, config.env) : undefined) as TSettings;
  const resources = new Resources(log);
  try {
    // Off (nothing loaded) unless OTEL_EXPORTER_OTLP_ENDPOINT is set; flushed last on close.
    const tracing = await startTracing(definition.name);
    resources.add('tracing', () => tracing.flush());
    const { orm, sql } = await createOrm({
      schema: definition.name,
      clientUrl: config.databaseUrl,
      entities: definition.entities,
      migrationsPath: definition.migrationsPath,
      otherSchemas: options.otherSchemas,
      logger: (message) => log.debug(message),
    });
    resources.add('database', () => orm.close());
    if (tracing.tracer) traceSql(orm, tracing.tracer, definition.name);
    await migrate(orm, definition.name);

    const bus =
      options.bus ??
      createEventBus({
        redisUrl: config.redisUrl,
        prefix: config.redisPrefix,
        onError: (error) => log.error({ err: error }, 'event bus error'),
        onRetry: (event, group, error) =>
          log.warn(
            { err: error, eventId: event.id, type: event.type, group },
            'event handler failed; it is retried',
          ),
        onDeadLetter: (event, group, error) =>
          log.error({ err: error, eventId: event.id, type: event.type, group }, 'event dead-lettered'),
      });
    if (!options.bus) resources.add('event bus', () => bus.close());

    const runtime = (await definition.init?.({ orm, bus, config, settings, log })) as TRuntime;
    if (definition.close) resources.add('runtime', () => definition.close!(runtime));

    const relay = startOutboxRelay({
      orm,
      bus,
      onError: (error) => log.error({ err: error }, 'outbox relay failed'),
    });
    resources.add('outbox relay', () => relay.stop());
    kickRelayAfterCommit(orm, relay);

    if (definition.consumers) {
      const appliers = definition.consumers;
      const consumer = bus.consume({
        group: definition.name,
        consumer: `${definition.name}-${hostname()}-${process.pid}`,
        types: Object.keys(appliers) as EventType[],
        handler: idempotent(orm, definition.name, async (em, event) => {
          await appliers[event.type]?.(em, event as never, runtime);
        }),
      });
      resources.add('event consumer', () => consumer.stop());
    }

    const verify = definition.tokenVerifier?.(runtime) ?? jwksVerifier(config);
    const schema = buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers }]);
    const metrics = new ServiceMetrics(definition.name);
    // With SUBGRAPH_SECRET, /graphql serves the gateway alone (HTTP and WebSocket).
    const gatewayOnly = new GatewayOnly(config.subgraphSecret, (reason, req) => {
      metrics.countRefusal();
      log.warn(
        { reason, remoteAddress: req.socket.remoteAddress },
        'refused a request not signed by the gateway',
      );
    });
    const contextFor = async (authorization: string | undefined, req?: IncomingMessage): Promise<Context> => {
      const requestId = req ? requestIdOf(req) : crypto.randomUUID();
      const em = orm.em.fork();
      return {
        requestId,
        log: requestLogger(log, requestId),
        viewer: await viewerFromHeader(authorization, verify),
        em,
        loaders: definition.loaders(em, runtime),
        client: req ? clientInfo(req, gatewayOnly.fromGateway(req)) : {},
        runtime,
      };
    };

    const routes = {
      'GET /health': (_req: IncomingMessage, res: Parameters<typeof sendJson>[0]) =>
        sendJson(res, 200, { status: 'healthy', service: definition.name }),
      'GET /health/ready': async (_req: IncomingMessage, res: Parameters<typeof sendJson>[0]) => {
        const checks = await readiness(orm, bus);
        const ok = Object.values(checks).every((state) => state === 'healthy');
        sendJson(res, ok ? 200 : 503, {
          status: ok ? 'healthy' : 'unhealthy',
          service: definition.name,
          checks,
        });
      },
      ...definition.routes?.(runtime),
    };
    // Everything under /internal/ is signed service-to-service traffic, and nothing else.
    const stray = Object.keys(routes).find((key) =>
      `${key.slice(key.indexOf('/'))}/`.startsWith(INTERNAL_PREFIX),
    );
    if (stray) {
      throw new Error(
        `${definition.name}: route "${stray}" is under /internal/: declare it in internalRoutes`,
      );
    }
    const internalRoutes = definition.internalRoutes?.(runtime) ?? {};
    checkInternalRoutes(internalRoutes, definition.name);
    const hasInternalRoutes = Object.keys(internalRoutes).length > 0;
    Object.assign(routes, {
      'GET /metrics': metrics.route(),
      [`${INTERNAL_PREFIX}*`]: internalRoutesHandler({
        routes: internalRoutes,
        secret: config.subgraphSecret,
        orm,
        log,
        metrics: hasInternalRoutes ? metrics.internalRequests() : undefined,
      }),
    });
    const httpServer = createHttpServer(routes, (error) => log.error({ err: error }, 'request failed'));
    const apollo = new ApolloServer<Context>({
      // Federated traces are for Apollo GraphOS, which Lattice does not report to.
      ...apolloDefaults<Context>([ApolloServerPluginInlineTraceDisabled(), metrics.plugin<Context>()]),
      schema,
    });
    await apollo.start();
    resources.add('apollo', () => apollo.stop());
    const graphql = createGraphQLHandler(apollo, {
      context: (req) => contextFor(req.headers.authorization, req),
      maxBodyBytes: config.maxBodyBytes,
      tracer: tracing.tracer,
      verifyBody: (req, body) => gatewayOnly.verifyBody(req, body),
    });
    const requests = { count: 0 };
    Object.assign(routes, {
      '/graphql': (req: IncomingMessage, res: Parameters<typeof sendJson>[0], url: URL) => {
        requests.count += 1;
        const refusal = gatewayOnly.checkHeader(req);
        if (refusal) {
          for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
          return sendJson(res, refusal.status, refusal.body);
        }
        return graphql(req, res, url);
      },
    });

    const subscriptions = attachSubscriptions(httpServer, schema, {
      context: (params) => {
        const authorization = params?.authorization;
        return contextFor(typeof authorization === 'string' ? authorization : undefined);
      },
      maxPayload: config.maxBodyBytes,
      verifyUpgrade: (req) => gatewayOnly.verifyUpgrade(req),
    });

    const port = await listen(httpServer, config.port, config.host);
    resources.add('http server', () => closeServer(httpServer, undefined, config.shutdownIdleDrainMs));
    // Closed first (1001, Going away: the gateway's upstream reconnects, to another replica):
    // the HTTP server's close waits for every socket, upgraded ones included, which its grace
    // does not cut, so open subscriptions would hold the shutdown until closeOnSignals gives up.
    if (subscriptions) resources.add('subscriptions', () => subscriptions.close());
    const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
    const url = `http://${host}:${port}/graphql`;
    log.info({ url }, 'subgraph ready');
    return { name: definition.name, url, port, orm, bus, sql, requests, log, close: () => resources.close() };
  } catch (error) {
    await resources.close();
    throw error;
  }
}

/**
 * Who is calling. Only on a request verified as the gateway's are its X-Forwarded-For (the
 * address it decided) and X-Forwarded-Host/-Proto (the origin the client used, for URLs handed
 * back) believed: anyone can write those headers. Otherwise the address is the socket's.
 */
function clientInfo(req: IncomingMessage, fromGateway: boolean): SubgraphContext['client'] {
  const forwarded = fromGateway ? req.headers['x-forwarded-for'] : undefined;
  const ip = clientAddress(req.socket.remoteAddress, forwarded, TRUST_PEER_ONLY);
  const client: SubgraphContext['client'] = { ip, userAgent: req.headers['user-agent'] };
  if (fromGateway) {
    const origin = originOf(
      headerValue(req.headers[FORWARDED_PROTO_HEADER]),
      headerValue(req.headers[FORWARDED_HOST_HEADER]),
    );
    if (origin) client.origin = origin;
  }
  return client;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function jwksVerifier(config: SubgraphConfig): TokenVerifier {
  if (!config.jwksUrl) {
    return async () => {
      throw unauthenticated('This service accepts no tokens: JWKS_URL is not configured');
    };
  }
  return createTokenVerifier(remoteKeys(config.jwksUrl));
}

async function readiness(orm: MikroORM, bus: EventBus): Promise<Record<string, string>> {
  const probe = async (check: () => Promise<unknown>) => {
    try {
      await check();
      return 'healthy';
    } catch {
      return 'unhealthy';
    }
  };
  const [database, eventBus] = await Promise.all([
    probe(() => orm.em.getConnection().execute('select 1')),
    probe(() => bus.ping()),
  ]);
  return { database, eventBus };
}
