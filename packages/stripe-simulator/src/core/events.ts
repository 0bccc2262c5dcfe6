import Stripe from 'stripe';
import type { Clock } from './clock';
import { newId } from './ids';
import type { Store } from './store';
import { previousAttributes, snapshot, type Wire } from './wire';

/** The API request an event came from; both null for events of the clock. */
export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

/** A Stripe event as recorded and sent: `data.object` is the object's snapshot at event time. */
export interface StripeEventRecord {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Wire; previous_attributes?: Wire };
  livemode: false;
  pending_webhooks: number;
  request: EventRequest;
  type: string;
}

/** Where events go once recorded: the webhook deliveries. */
export interface EventSink {
  /** How many endpoints will receive an event of this type (the event's `pending_webhooks`). */
  endpointsFor(type: string): number;
  enqueue(event: StripeEventRecord): void;
}

export class EventLog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly sink: EventSink,
  ) {}

  emit(request: EventRequest, type: string, object: object, previous?: Wire): StripeEventRecord {
    const event: StripeEventRecord = {
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: this.clock.now(),
      data: previous
        ? { object: snapshot(object), previous_attributes: previous }
        : { object: snapshot(object) },
      livemode: false,
      pending_webhooks: this.sink.endpointsFor(type),
      request: { ...request },
      type,
    };
    this.store.insert('event', event);
    this.sink.enqueue(event);
    return event;
  }

  /**
   * Emits an `*.updated` event with what changed since `before` (a `toWire` snapshot taken
   * before the change); nothing when nothing changed, as Stripe does.
   */
  emitChange(request: EventRequest, type: string, before: Wire, object: object): void {
    const after = snapshot(object);
    const previous = previousAttributes(before, after);
    if (previous) this.emit(request, type, after, previous);
  }
}
