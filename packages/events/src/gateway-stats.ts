/**
 * What each gateway process broadcasts on the bus every few seconds, for live monitoring
 * (analytics' liveStats and serviceHealth). Not durable: a listener keeps the latest
 * message per instance and forgets instances silent for longer than a few intervals.
 */
export const GATEWAY_STATS_CHANNEL = 'gateway.stats';

export interface SubgraphTraffic {
  /** Fetches sent to the subgraph since the previous message. */
  requests: number;
  /** Of those, the ones that failed (network error, timeout, 5xx, open circuit). */
  errors: number;
  /** Sum of their durations in milliseconds (average = totalMs / requests). */
  totalMs: number;
}

export interface GatewayStatsMessage {
  /** Unique per gateway process. */
  instance: string;
  /** When the message was sent (ISO 8601). */
  at: string;
  /** Milliseconds covered by the traffic figures (time since the previous message). */
  intervalMs: number;
  /** Subscription clients connected to this gateway now. */
  subscribers: number;
  /** Traffic per subgraph name during the interval. */
  subgraphs: Record<string, SubgraphTraffic>;
}
