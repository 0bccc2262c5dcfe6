import type { EventType } from './contracts';
import type { EventEnvelope } from './envelope';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface ConsumeOptions {
  /** Consumer group, usually the consuming subgraph's name: every group gets every event. */
  group: string;
  /** This consumer's name within the group (e.g. hostname-pid); a group's consumers share its events. */
  consumer: string;
  /** Only these types reach the handler; others are acknowledged and skipped. All when omitted. */
  types?: EventType[];
  /** Resolve = done (acknowledged); throw = not done (redelivered later). */
  handler: EventHandler;
}

export interface Consumer {
  /** Stops without acknowledging in-flight work, exactly like a crash would. */
  stop(): Promise<void>;
}

export interface EventBus {
  readonly kind: 'redis' | 'in-process';
  /** Durable append. */
  publish(event: EventEnvelope): Promise<void>;
  /** Durable, at-least-once delivery per group. */
  consume(options: ConsumeOptions): Consumer;
  /** Live fan-out to every listener of the channel; not durable. */
  broadcast(channel: string, message: unknown): Promise<void>;
  /** Resolves once listening; the returned function stops listening. */
  listen(channel: string, onMessage: (message: unknown) => void): Promise<() => Promise<void>>;
  /** Readiness check: throws when the bus is unreachable or closed. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface BusOptions {
  /** After that many failed deliveries the event is dead-lettered and acknowledged. Default 5. */
  maxDeliveries?: number;
  /** A pending entry idle that long (its consumer crashed) is reclaimed by another consumer. Default 30000. */
  claimIdleMs?: number;
  onDeadLetter?: (event: EventEnvelope, group: string, error: unknown) => void;
  /** A handler threw; the event is delivered again later. Default: console.warn. */
  onRetry?: (event: EventEnvelope, group: string, error: unknown) => void;
  /** Unexpected errors (connection...). Default: console.error. */
  onError?: (error: unknown) => void;
}

export type ResolvedBusOptions = Required<BusOptions>;

export function resolveBusOptions(options: BusOptions = {}): ResolvedBusOptions {
  const onError = options.onError ?? ((error: unknown) => console.error('[events]', error));
  const onDeadLetter =
    options.onDeadLetter ??
    ((event: EventEnvelope, group: string, error: unknown) =>
      console.error(`[events] dead-lettered ${event.type} ${event.id} for group ${group}:`, error));
  const onRetry =
    options.onRetry ??
    ((event: EventEnvelope, group: string, error: unknown) =>
      console.warn(`[events] ${group} failed on ${event.type} ${event.id}, to be retried:`, error));
  return {
    maxDeliveries: Math.max(1, options.maxDeliveries ?? 5),
    claimIdleMs: Math.max(1, options.claimIdleMs ?? 30_000),
    // A throwing callback must never break a consumer loop.
    onDeadLetter: (event, group, error) => {
      try {
        onDeadLetter(event, group, error);
      } catch (callbackError) {
        onError(callbackError);
      }
    },
    onRetry: (event, group, error) => {
      try {
        onRetry(event, group, error);
      } catch (callbackError) {
        onError(callbackError);
      }
    },
    onError: (error) => {
      try {
        onError(error);
      } catch {
        // nothing sensible left to do
      }
    },
  };
}

/** Whether a consumer with this `types` filter wants the event. */
export function wants(types: readonly EventType[] | undefined, event: EventEnvelope): boolean {
  return !types || types.includes(event.type);
}
