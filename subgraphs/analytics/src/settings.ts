import { z } from 'zod';
import { nameUrlPairs, parseEnv } from '@lattice/server-kit';

const analyticsEnv = z.object({
  /** The services to probe: their GraphQL URLs (probes ask `/health/ready` beside them). */
  MONITORED_SERVICES: nameUrlPairs(),
  HEALTH_PROBE_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  HEALTH_PROBE_TIMEOUT_MS: z.coerce.number().int().min(50).default(2000),
  GATEWAY_STATS_WINDOW_MS: z.coerce.number().int().min(1000).default(15_000),
  LIVE_STATS_SAMPLE_MS: z.coerce.number().int().min(100).default(1000),
});

export interface AnalyticsSettings {
  monitoredServices: Array<{ name: string; url: string }>;
  probeIntervalMs: number;
  probeTimeoutMs: number;
  gatewayStatsWindowMs: number;
  liveSampleMs: number;
}

export function analyticsSettings(env: Record<string, string | undefined>): AnalyticsSettings {
  const parsed = parseEnv(analyticsEnv, env);
  return {
    monitoredServices: Object.entries(parsed.MONITORED_SERVICES).map(([name, url]) => ({ name, url })),
    probeIntervalMs: parsed.HEALTH_PROBE_INTERVAL_MS,
    probeTimeoutMs: parsed.HEALTH_PROBE_TIMEOUT_MS,
    gatewayStatsWindowMs: parsed.GATEWAY_STATS_WINDOW_MS,
    liveSampleMs: parsed.LIVE_STATS_SAMPLE_MS,
  };
}
