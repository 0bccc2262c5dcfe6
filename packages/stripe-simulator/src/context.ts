import type { BillingState } from './billing/state';
import type { Clock } from './core/clock';
import type { EventLog, EventRequest } from './core/events';
import type { Store } from './core/store';
import type { Wire } from './core/wire';
import type { WebhookTarget } from './webhooks/dispatcher';

/** The simulated Stripe account: its objects, clock, events and billing bookkeeping. */
export interface Sim {
  readonly store: Store;
  readonly clock: Clock;
  readonly events: EventLog;
  readonly billing: BillingState;
  readonly webhooks: {
    setTarget(target: WebhookTarget | undefined): void;
    target(): WebhookTarget | undefined;
  };
  /** The simulator's own URL (for hosted invoice pages). */
  baseUrl(): string;
}

/** One operation on the account: an API request, or the clock running renewals. */
export interface Ctx {
  readonly sim: Sim;
  readonly request: EventRequest;
}

export const CLOCK_REQUEST: EventRequest = { id: null, idempotency_key: null };

export function now(ctx: Ctx): number {
  return ctx.sim.clock.now();
}

export function emit(ctx: Ctx, type: string, object: object, previous?: Wire): void {
  ctx.sim.events.emit(ctx.request, type, object, previous);
}

export function emitChange(ctx: Ctx, type: string, before: Wire, object: object): void {
  ctx.sim.events.emitChange(ctx.request, type, before, object);
}
