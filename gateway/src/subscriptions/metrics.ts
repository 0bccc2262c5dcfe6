import { Counter, Gauge, type Registry } from 'prom-client';

/** What the gateway's subscriptions cost and deliver, on the gateway's `/metrics`. */
export class SubscriptionMetrics {
  readonly clients: Gauge;
  readonly active: Gauge;
  readonly upstreams: Gauge;
  readonly delivered: Counter;
  readonly dropped: Counter;
  readonly upstreamRetries: Counter;
  readonly upstreamsDown: Gauge;

  constructor(registry: Registry) {
    const registers = [registry];
    this.clients = new Gauge({
      name: 'subscription_clients',
      help: 'Connected subscription clients (graphql-ws connections and SSE streams).',
      labelNames: ['transport'],
      registers,
    });
    this.active = new Gauge({
      name: 'subscriptions_active',
      help: 'Client subscriptions in progress.',
      registers,
    });
    this.upstreams = new Gauge({
      name: 'subscription_upstreams',
      help: 'Subscriptions the gateway holds to subgraphs (identical client subscriptions share one).',
      registers,
    });
    this.delivered = new Counter({
      name: 'subscription_events_delivered_total',
      help: 'Subscription events queued to clients.',
      registers,
    });
    this.dropped = new Counter({
      name: 'subscription_events_dropped_total',
      help: 'Subscription events dropped because a slow client fell too far behind.',
      registers,
    });
    this.upstreamsDown = new Gauge({
      name: 'subscription_upstreams_reconnecting',
      help: 'Upstream subscriptions whose subgraph connection dropped and is not back yet.',
      registers,
    });
    this.upstreamRetries = new Counter({
      name: 'subscription_upstream_reconnects_total',
      help: 'Times a subscription connection to a subgraph dropped and was re-established.',
      registers,
    });
  }
}
