import type { ProbeState } from './health-monitor';
import type { SubgraphTrafficSummary, TrafficSummary } from './gateway-traffic';

export interface ServiceHealthRow extends ProbeState, SubgraphTrafficSummary {}

const NO_TRAFFIC: SubgraphTrafficSummary = { requestRate: 0, errorRate: null, averageLatencyMs: null };

/** Every monitored subgraph (and any the gateways report traffic for), by name. */
export function serviceHealth(probes: readonly ProbeState[], traffic: TrafficSummary): ServiceHealthRow[] {
  const rows = new Map<string, ServiceHealthRow>();
  for (const probe of probes)
    rows.set(probe.name, { ...probe, ...(traffic.subgraphs.get(probe.name) ?? NO_TRAFFIC) });
  for (const [name, summary] of traffic.subgraphs) {
    if (rows.has(name)) continue;
    rows.set(name, {
      name,
      status: 'UNKNOWN',
      probeLatencyMs: null,
      checkedAt: null,
      upSince: null,
      uptime: null,
      ...summary,
    });
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}
