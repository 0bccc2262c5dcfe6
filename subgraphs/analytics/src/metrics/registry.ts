import { EVENT_VERSIONS, SENSITIVE_EVENTS, type EventEnvelope, type EventType } from '@lattice/events';

/** How one event type feeds analytics. */
export interface EventRule<T extends EventType = EventType> {
  /**
   * Payload fields that are neither secret nor personal data: the fact keeps these and admins
   * see them in `platformEvents`. Everything else is dropped (nothing is kept by default).
   */
  keep?: ReadonlyArray<keyof EventEnvelope<T>['data'] & string>;
  /**
   * Figures the fact keeps under names of their own, computed from the payload: a count of a
   * list, or an id inside a field that is not kept (`serviceCount` of an invoice's services,
   * whose descriptions stay out). Like `keep`, never secret or personal data.
   */
  derive?: Readonly<Record<string, (event: EventEnvelope<T>) => unknown>>;
  /**
   * Daily metrics the event adds to: `1` each unless `amount` says otherwise (an amount of 0
   * adds nothing, so one rule can feed one of several metrics by a payload field).
   */
  counts?: ReadonlyArray<{ metric: string; amount?: (event: EventEnvelope<T>) => number }>;
}

/** What one domain contributes: its metrics and the rules of the events that feed them. */
export interface DomainMetrics {
  domain: string;
  /** Metric names (`<domain>.<what>`) with a description for people. */
  metrics: Record<string, string>;
  events: { [T in EventType]?: EventRule<T> };
}

export function defineDomainMetrics(domain: DomainMetrics): DomainMetrics {
  return domain;
}

/** Every event counts toward this metric, whatever registers. */
export const ALL_EVENTS_METRIC = 'events';

export interface Increment {
  metric: string;
  amount: number;
}

/**
 * The registered domains, checked once at start: a metric is declared once, counted only if
 * declared, an event type has one rule, and a sensitive event keeps nothing.
 */
export class MetricRegistry {
  private readonly rules = new Map<EventType, EventRule>();
  private readonly descriptions = new Map<string, string>([[ALL_EVENTS_METRIC, 'Every domain event']]);

  constructor(domains: readonly DomainMetrics[]) {
    for (const domain of domains) {
      for (const [metric, description] of Object.entries(domain.metrics)) {
        if (this.descriptions.has(metric)) throw new Error(`metric ${metric} is registered twice`);
        this.descriptions.set(metric, description);
      }
    }
    for (const domain of domains) {
      for (const [type, rule] of Object.entries(domain.events) as Array<[EventType, EventRule]>) {
        if (this.rules.has(type)) throw new Error(`${type} has rules in two domains`);
        if (SENSITIVE_EVENTS.has(type) && (rule.keep?.length || Object.keys(rule.derive ?? {}).length)) {
          throw new Error(`${type} is sensitive: its payload must not be kept`);
        }
        const kept: readonly string[] = rule.keep ?? [];
        for (const field of Object.keys(rule.derive ?? {})) {
          if (kept.includes(field)) throw new Error(`${type} both keeps and derives ${field}`);
        }
        for (const { metric } of rule.counts ?? []) {
          if (!this.descriptions.has(metric)) throw new Error(`${type} counts undeclared metric ${metric}`);
        }
        this.rules.set(type, rule);
      }
    }
  }

  /** Every event type of the contracts: analytics consumes them all. */
  get eventTypes(): EventType[] {
    return Object.keys(EVENT_VERSIONS) as EventType[];
  }

  isEventType(type: string): type is EventType {
    return Object.hasOwn(EVENT_VERSIONS, type);
  }

  hasMetric(metric: string): boolean {
    return this.descriptions.has(metric);
  }

  get metricNames(): string[] {
    return [...this.descriptions.keys()];
  }

  /** The payload fields an event may be stored and shown with; null for a sensitive event. */
  keptData(event: EventEnvelope): Record<string, unknown> | null {
    if (SENSITIVE_EVENTS.has(event.type)) return null;
    const data = event.data as Record<string, unknown>;
    const rule = this.rules.get(event.type);
    const kept: Record<string, unknown> = {};
    for (const field of rule?.keep ?? []) {
      if (field in data) kept[field] = data[field];
    }
    for (const [field, derive] of Object.entries(rule?.derive ?? {})) kept[field] = derive(event);
    return kept;
  }

  increments(event: EventEnvelope): Increment[] {
    const counts = this.rules.get(event.type)?.counts ?? [];
    return [
      { metric: ALL_EVENTS_METRIC, amount: 1 },
      ...counts
        .map(({ metric, amount }) => ({ metric, amount: amount ? amount(event as never) : 1 }))
        .filter(({ amount }) => amount !== 0),
    ];
  }
}
