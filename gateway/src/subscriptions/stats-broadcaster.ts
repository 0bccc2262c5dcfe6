import { randomUUID } from 'node:crypto';
import {
  GATEWAY_STATS_CHANNEL,
  type EventBus,
  type GatewayStatsMessage,
  type SubgraphTraffic,
} from '@lattice/events/bus';
import type { Logger } from '@lattice/server-kit';
import type { GatewayMetrics } from '../metrics';

type Totals = Map<string, { requests: number; errors: number; seconds: number }>;

/**
 * Every `intervalMs`, tells the platform (analytics' live statistics) how many subscribers
 * this gateway holds and what its subgraph traffic was since the last message.
 */
export function startStatsBroadcast(options: {
  bus: EventBus;
  metrics: GatewayMetrics;
  subscribers: () => number;
  log: Logger;
  intervalMs?: number;
}): { stop(): void } {
  const { bus, metrics, log } = options;
  const intervalMs = options.intervalMs ?? 5_000;
  const instance = randomUUID();
  let previous: Totals = new Map();
  let previousAt = Date.now();

  const send = async () => {
    const current = await totals(metrics);
    const now = Date.now();
    const subgraphs: Record<string, SubgraphTraffic> = {};
    for (const [name, total] of current) {
      const before = previous.get(name) ?? { requests: 0, errors: 0, seconds: 0 };
      subgraphs[name] = {
        requests: total.requests - before.requests,
        errors: total.errors - before.errors,
        totalMs: Math.round((total.seconds - before.seconds) * 1000),
      };
    }
    const message: GatewayStatsMessage = {
      instance,
      at: new Date(now).toISOString(),
      intervalMs: now - previousAt,
      subscribers: options.subscribers(),
      subgraphs,
    };
    previous = current;
    previousAt = now;
    await bus.broadcast(GATEWAY_STATS_CHANNEL, message);
  };
  const timer = setInterval(() => {
    send().catch((error) => log.warn({ err: error }, 'gateway stats not broadcast'));
  }, intervalMs);
  timer.unref();
  void send().catch((error) => log.warn({ err: error }, 'gateway stats not broadcast'));
  return { stop: () => clearInterval(timer) };
}

async function totals(metrics: GatewayMetrics): Promise<Totals> {
  const result: Totals = new Map();
  const entry = (name: string) => {
    let value = result.get(name);
    if (!value) result.set(name, (value = { requests: 0, errors: 0, seconds: 0 }));
    return value;
  };
  for (const value of (await metrics.subgraphFetchSeconds.get()).values) {
    const subgraph = value.labels.subgraph;
    if (typeof subgraph !== 'string') continue;
    if (value.metricName?.endsWith('_count')) entry(subgraph).requests = value.value;
    if (value.metricName?.endsWith('_sum')) entry(subgraph).seconds = value.value;
  }
  for (const value of (await metrics.subgraphFetchErrors.get()).values) {
    const subgraph = value.labels.subgraph;
    if (typeof subgraph === 'string') entry(subgraph).errors = value.value;
  }
  return result;
}
