import { GATEWAY_STATS_CHANNEL } from '@lattice/events';
import type { SubgraphDeps } from '@lattice/subgraph-kit';
import { LiveStatsHub } from './live/live-stats';
import { PlatformFeed } from './live/platform-feed';
import { registry, type MetricRegistry } from './metrics';
import { GatewayTraffic } from './monitoring/gateway-traffic';
import { HealthMonitor, httpReadiness, type ProbeTarget } from './monitoring/health-monitor';
import { serviceHealth, type ServiceHealthRow } from './monitoring/service-health';
import { storedFigures, type StoredFigures } from './service/live-figures';
import { analyticsSettings } from './settings';

export const ANALYTICS = 'analytics';

/** Probe outcomes kept per service for `uptime`: an hour at the default interval. */
const PROBE_HISTORY = 720;

export interface LiveFigures extends StoredFigures {
  connectedSubscribers: number;
  services: ServiceHealthRow[];
}

/** What `Subscription.liveStats` sends. */
export type LiveStatsValue = LiveFigures & { at: Date };

/** Process-wide state of an analytics replica. */
export interface AnalyticsRuntime {
  registry: MetricRegistry;
  feed: PlatformFeed;
  liveStats: LiveStatsHub<LiveFigures>;
  serviceHealth(): ServiceHealthRow[];
  close(): Promise<void>;
}

export async function createRuntime({ orm, bus, config, log }: SubgraphDeps): Promise<AnalyticsRuntime> {
  const settings = analyticsSettings(config.env);

  const traffic = new GatewayTraffic(settings.gatewayStatsWindowMs);
  const stopStats = await bus.listen(GATEWAY_STATS_CHANNEL, (message) => {
    if (!traffic.record(message)) log.warn('ignored a malformed gateway stats message');
  });

  // This replica checks itself directly unless told where to probe it over HTTP.
  const self: ProbeTarget = {
    name: ANALYTICS,
    probe: async () => {
      await orm.em.getConnection().execute('select 1');
      await bus.ping();
    },
  };
  const targets = settings.monitoredServices.map(({ name, url }) => httpReadiness(name, url));
  if (!targets.some(({ name }) => name === ANALYTICS)) targets.push(self);
  const monitor = new HealthMonitor(targets, {
    intervalMs: settings.probeIntervalMs,
    timeoutMs: settings.probeTimeoutMs,
    historySize: PROBE_HISTORY,
  });
  monitor.start();

  const health = (summary = traffic.summary()) => serviceHealth(monitor.states(), summary);
  const feed = new PlatformFeed(bus, log);
  await feed.start(orm);
  const liveStats = new LiveStatsHub<LiveFigures>(
    async () => {
      const summary = traffic.summary();
      return {
        ...(await storedFigures(orm.em.fork())),
        connectedSubscribers: summary.subscribers,
        services: health(summary),
      };
    },
    settings.liveSampleMs,
    log,
    // Probe latencies and times differ at every probe: they alone are not a change.
    ({ services, ...figures }) => ({
      ...figures,
      services: services.map(({ checkedAt: _at, probeLatencyMs: _ms, ...service }) => service),
    }),
  );

  return {
    registry,
    feed,
    liveStats,
    serviceHealth: () => health(),
    close: async () => {
      liveStats.stop();
      await feed.stop();
      await monitor.stop();
      await stopStats();
    },
  };
}
