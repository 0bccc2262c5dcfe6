import { z } from 'zod';
import { parseEnv } from '@lattice/server-kit';

/** `name=url` pairs, comma separated (the GraphQL URLs; probes ask `/health/ready` beside them). */
const servicesList = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const services: Array<{ name: string; url: string }> = [];
    for (const pair of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [name, url] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (!name || !URL.canParse(url) || pair.indexOf('=') < 0) {
        ctx.addIssue({ code: 'custom', message: `"${pair}" is not name=http://host:port/graphql` });
        continue;
      }
      services.push({ name, url });
    }
    return services;
  });

const analyticsEnv = z.object({
  MONITORED_SERVICES: servicesList,
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
    monitoredServices: parsed.MONITORED_SERVICES,
    probeIntervalMs: parsed.HEALTH_PROBE_INTERVAL_MS,
    probeTimeoutMs: parsed.HEALTH_PROBE_TIMEOUT_MS,
    gatewayStatsWindowMs: parsed.GATEWAY_STATS_WINDOW_MS,
    liveSampleMs: parsed.LIVE_STATS_SAMPLE_MS,
  };
}
