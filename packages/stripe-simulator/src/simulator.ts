import type { AddressInfo } from 'node:net';
import { BillingState } from './billing/state';
import { runDueActions } from './billing/renewals';
import type { Sim } from './context';
import { Clock } from './core/clock';
import { EventLog, type StripeEventRecord } from './core/events';
import { Store } from './core/store';
import { handleControl } from './http/control';
import { IdempotencyKeys } from './http/idempotency';
import { invoicePage } from './http/invoice-page';
import { createApiServer } from './http/server';
import { apiRoutes } from './resources';
import { WebhookDispatcher, type DeliveryMode, type DeliveryOptions } from './webhooks/dispatcher';

export interface StripeSimulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Where signed events are POSTed (also `setWebhook` later, or a webhook endpoint created through the API). */
  webhook?: { url: string; secret: string };
  /** The simulated clock's start, unix seconds (default: the real time). It moves only by `advanceClock`. */
  now?: number;
  /** Receives a line per request, failed delivery and internal error (default: nothing). */
  log?: (message: string) => void;
  /** Webhook retries and concurrency (defaults: 8 attempts, 100 ms doubling to 5 s, 8 at once, 10 s timeout). */
  deliveries?: DeliveryOptions;
}

export interface StripeSimulator {
  host: string;
  port: number;
  protocol: 'http';
  url: string;
  /** SDK options to spread: `new Stripe(key, { ...simulator.sdkOptions })`. */
  sdkOptions: { host: string; port: number; protocol: 'http' };
  setWebhook(webhook: { url: string; secret: string }): void;
  /** The simulated time, unix seconds. */
  now(): number;
  /** Moves the clock forward, running in time order what falls due (renewals, trial ends, scheduled cancellations). */
  advanceClock(seconds: number): Promise<void>;
  deliveries: {
    /** How following events are delivered: each sent `copies` times (default 1); `hold` queues them until `flush()`. */
    configure(mode: DeliveryMode): void;
    /** Sends every held delivery (shuffled when `shuffle`, seeded by `seed`); resolves when each was acknowledged or gave up. */
    flush(options?: { shuffle?: boolean; seed?: number }): Promise<void>;
    /** Resolves when no delivery is queued, being sent or waiting for a retry (held ones aside). */
    idle(): Promise<void>;
    /** Every event ever created, oldest first, as sent. */
    events(): StripeEventRecord[];
  };
  /** How many objects of a type were actually created (idempotent replays create nothing), e.g. `created('payment_intent')`. */
  created(objectType: string): number;
  /** How many API requests of a kind were served, replays included, e.g. `requests('POST /v1/payment_intents')`. */
  requests(kind: string): number;
  close(): Promise<void>;
}

export async function startStripeSimulator(options: StripeSimulatorOptions = {}): Promise<StripeSimulator> {
  const log = options.log ?? (() => {});
  const host = '127.0.0.1';
  const clock = new Clock(options.now ?? Math.floor(Date.now() / 1000));
  const store = new Store();
  const webhooks = new WebhookDispatcher(options.deliveries, log);
  if (options.webhook) webhooks.setTarget(options.webhook);
  let url = '';
  const sim: Sim = {
    store,
    clock,
    events: new EventLog(store, clock, webhooks),
    billing: new BillingState(),
    webhooks,
    baseUrl: () => url,
  };

  const controls = {
    now: () => clock.now(),
    async advanceClock(seconds: number) {
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError(`advanceClock takes a non-negative number of seconds, got ${seconds}`);
      }
      runDueActions(sim, clock.now() + Math.floor(seconds));
    },
    setWebhook: (webhook: { url: string; secret: string }) => webhooks.setTarget(webhook),
    deliveries: {
      configure: (mode: DeliveryMode) => webhooks.configure(mode),
      flush: (flushOptions?: { shuffle?: boolean; seed?: number }) => webhooks.flush(flushOptions),
      idle: () => webhooks.idle(),
      events: () => store.all('event'),
    },
    created: (objectType: string) => store.created(objectType),
  };

  const { server, requestCount } = createApiServer({
    sim,
    routes: apiRoutes,
    idempotency: new IdempotencyKeys(clock),
    control: (method, path, body) => handleControl(controls, method, path, body),
    invoicePage: (path) => invoicePage(store, path),
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host}:${port}`;

  return {
    host,
    port,
    protocol: 'http',
    url,
    sdkOptions: { host, port, protocol: 'http' },
    ...controls,
    requests: requestCount,
    async close() {
      webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
