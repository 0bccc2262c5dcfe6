import { z } from 'zod';
import type { GatewayStatsMessage } from '@lattice/events';

const trafficSchema = z.object({
  requests: z.number().nonnegative(),
  errors: z.number().nonnegative(),
  totalMs: z.number().nonnegative(),
});

const messageSchema = z.object({
  instance: z.string().min(1).max(200),
  at: z.string(),
  intervalMs: z.number().positive(),
  subscribers: z.number().int().nonnegative(),
  subgraphs: z.record(z.string(), trafficSchema),
}) satisfies z.ZodType<GatewayStatsMessage>;

export interface SubgraphTrafficSummary {
  requestRate: number;
  errorRate: number | null;
  averageLatencyMs: number | null;
}

export interface TrafficSummary {
  /** Gateway processes heard from within the window. */
  instances: number;
  /** Subscription clients connected to those gateways (their latest figure each). */
  subscribers: number;
  subgraphs: Map<string, SubgraphTrafficSummary>;
}

interface Received {
  receivedAt: number;
  message: GatewayStatsMessage;
}

/**
 * The gateways' traffic figures of the last `windowMs`, summed over instances. Times are
 * this process's receipt times, so gateways' clocks do not matter.
 */
export class GatewayTraffic {
  private readonly byInstance = new Map<string, Received[]>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one bus message; anything not shaped like GatewayStatsMessage is ignored. */
  record(raw: unknown): boolean {
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return false;
    const list = this.byInstance.get(parsed.data.instance) ?? [];
    list.push({ receivedAt: this.now(), message: parsed.data });
    this.byInstance.set(parsed.data.instance, list);
    this.prune();
    return true;
  }

  summary(): TrafficSummary {
    this.prune();
    let subscribers = 0;
    const totals = new Map<
      string,
      { requests: number; errors: number; totalMs: number; perSecond: number }
    >();
    for (const messages of this.byInstance.values()) {
      subscribers += messages.at(-1)!.message.subscribers;
      const coveredMs = messages.reduce((sum, { message }) => sum + message.intervalMs, 0);
      for (const { message } of messages) {
        for (const [name, traffic] of Object.entries(message.subgraphs)) {
          const total = totals.get(name) ?? { requests: 0, errors: 0, totalMs: 0, perSecond: 0 };
          total.requests += traffic.requests;
          total.errors += traffic.errors;
          total.totalMs += traffic.totalMs;
          total.perSecond += (traffic.requests / coveredMs) * 1000;
          totals.set(name, total);
        }
      }
    }
    const subgraphs = new Map<string, SubgraphTrafficSummary>();
    for (const [name, total] of totals) {
      subgraphs.set(name, {
        requestRate: round(total.perSecond),
        errorRate: total.requests ? round(total.errors / total.requests) : null,
        averageLatencyMs: total.requests ? round(total.totalMs / total.requests) : null,
      });
    }
    return { instances: this.byInstance.size, subscribers, subgraphs };
  }

  private prune(): void {
    const oldest = this.now() - this.windowMs;
    for (const [instance, messages] of this.byInstance) {
      const fresh = messages.filter(({ receivedAt }) => receivedAt >= oldest);
      if (fresh.length) this.byInstance.set(instance, fresh);
      else this.byInstance.delete(instance);
    }
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;
