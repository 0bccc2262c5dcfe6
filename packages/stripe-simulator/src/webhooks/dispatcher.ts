import http from 'node:http';
import https from 'node:https';
import Stripe from 'stripe';
import type { EventSink, StripeEventRecord } from '../core/events';
import { seededRandom, shuffle } from './shuffle';

/** Where signed events are POSTed. */
export interface WebhookTarget {
  url: string;
  secret: string;
  /** Event types sent there (`*` or absent: all); `invoice.*` matches a family. */
  enabledEvents?: string[];
}

export interface DeliveryOptions {
  /** Attempts per delivery before giving up (default 8). */
  attempts?: number;
  /** Delay before the first retry, doubled for each next one (default 100 ms). */
  initialDelayMs?: number;
  /** Longest delay between retries (default 5000 ms). */
  maxDelayMs?: number;
  /** Deliveries sent at once (default 8). */
  concurrency?: number;
  /** How long one attempt may take before it counts as failed (default 10000 ms). */
  timeoutMs?: number;
}

export interface DeliveryMode {
  /** Each event is sent this many times (default 1): duplicates, as Stripe may send. */
  copies?: number;
  /** Queue deliveries until `flush()` instead of sending them. */
  hold?: boolean;
}

interface Delivery {
  eventId: string;
  payload: string;
  target: WebhookTarget;
  attempts: number;
  settled?: () => void;
}

const DEFAULTS: Required<DeliveryOptions> = {
  attempts: 8,
  initialDelayMs: 100,
  maxDelayMs: 5000,
  concurrency: 8,
  timeoutMs: 10_000,
};

export function acceptsEvent(target: WebhookTarget, type: string): boolean {
  const enabled = target.enabledEvents;
  if (!enabled || enabled.length === 0) return true;
  return enabled.some(
    (pattern) =>
      pattern === '*' ||
      pattern === type ||
      (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))),
  );
}

/**
 * Sends events to the webhook target, signed like Stripe (`Stripe-Signature` over the real wall
 * clock, since receivers check its tolerance against theirs): asynchronously, started in
 * creation order, a few at a time, each retried with backoff until acknowledged (2xx) or out of
 * attempts.
 */
export class WebhookDispatcher implements EventSink {
  private readonly options: Required<DeliveryOptions>;
  private current: WebhookTarget | undefined;
  private copies = 1;
  private hold = false;
  private held: Delivery[] = [];
  private readonly ready: Delivery[] = [];
  /** Deliveries queued, being sent or waiting for a retry. */
  private readonly live = new Set<Delivery>();
  private sending = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly agent = new http.Agent({ keepAlive: true });
  private closed = false;

  constructor(
    options: DeliveryOptions = {},
    private readonly log: (message: string) => void = () => {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  setTarget(target: WebhookTarget | undefined): void {
    this.current = target;
  }

  target(): WebhookTarget | undefined {
    return this.current;
  }

  configure(mode: DeliveryMode): void {
    if (mode.copies !== undefined) {
      if (!Number.isInteger(mode.copies) || mode.copies < 1) {
        throw new RangeError(`copies must be a positive integer, got ${String(mode.copies)}`);
      }
      this.copies = mode.copies;
    }
    if (mode.hold !== undefined) this.hold = mode.hold;
  }

  endpointsFor(type: string): number {
    return this.current && acceptsEvent(this.current, type) ? 1 : 0;
  }

  enqueue(event: StripeEventRecord): void {
    const target = this.current;
    if (this.closed || !target || !acceptsEvent(target, event.type)) return;
    // Stripe sends its events pretty-printed; receivers must verify the exact bytes.
    const payload = JSON.stringify(event, null, 2);
    for (let copy = 0; copy < this.copies; copy++) {
      const delivery: Delivery = { eventId: event.id, payload, target, attempts: 0 };
      if (this.hold) this.held.push(delivery);
      else this.submit(delivery);
    }
  }

  /** Sends every held delivery; resolves once each was acknowledged or gave up. */
  flush(options: { shuffle?: boolean; seed?: number } = {}): Promise<void> {
    const batch = this.held;
    this.held = [];
    if (options.shuffle) {
      shuffle(batch, options.seed === undefined ? Math.random : seededRandom(options.seed));
    }
    if (batch.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      let remaining = batch.length;
      for (const delivery of batch) {
        delivery.settled = () => {
          if (--remaining === 0) resolve();
        };
        this.submit(delivery);
      }
    });
  }

  /** Resolves when no delivery is queued, being sent or waiting for a retry (held ones aside). */
  idle(): Promise<void> {
    if (this.live.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops whatever is still to send and closes the sockets. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const abandoned = [...this.live, ...this.held];
    this.live.clear();
    this.held = [];
    this.ready.length = 0;
    for (const delivery of abandoned) delivery.settled?.();
    this.notifyIdle();
    this.agent.destroy();
  }

  private submit(delivery: Delivery): void {
    this.live.add(delivery);
    this.ready.push(delivery);
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.sending < this.options.concurrency && this.ready.length > 0) {
      const delivery = this.ready.shift()!;
      this.sending++;
      void this.attempt(delivery);
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    delivery.attempts++;
    let failure: string | undefined;
    try {
      const status = await this.post(delivery);
      if (status < 200 || status >= 300) failure = `HTTP ${status}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    this.sending--;
    if (this.closed) return;
    if (failure === undefined) {
      this.settle(delivery);
    } else if (delivery.attempts >= this.options.attempts) {
      this.log(`webhook ${delivery.eventId} gave up after ${delivery.attempts} attempts: ${failure}`);
      this.settle(delivery);
    } else {
      this.retryLater(delivery);
    }
    this.pump();
  }

  private retryLater(delivery: Delivery): void {
    const { initialDelayMs, maxDelayMs } = this.options;
    const delay = Math.min(initialDelayMs * 2 ** (delivery.attempts - 1), maxDelayMs);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ready.push(delivery);
      this.pump();
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private settle(delivery: Delivery): void {
    this.live.delete(delivery);
    delivery.settled?.();
    if (this.live.size === 0) this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private post(delivery: Delivery): Promise<number> {
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload: delivery.payload,
      secret: delivery.target.secret,
      timestamp: Math.floor(Date.now() / 1000),
    });
    const url = new URL(delivery.target.url);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(
        url,
        {
          method: 'POST',
          agent: url.protocol === 'https:' ? undefined : this.agent,
          timeout: this.options.timeoutMs,
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': Buffer.byteLength(delivery.payload),
            'Stripe-Signature': signature,
            'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`timed out after ${this.options.timeoutMs} ms`)));
      request.on('error', reject);
      request.end(delivery.payload);
    });
  }
}
