export {
  EVENT_VERSIONS,
  SENSITIVE_EVENTS,
  type EventContracts,
  type EventData,
  type EventType,
  type Meter,
  type PlanLimits,
  type ActivityFacts,
  type ActivityVisibility,
  type SessionFacts,
  type TicketFacts,
  type TicketPriority,
  type TicketStatus,
} from './contracts';
export { createEvent, type EventEnvelope } from './envelope';
export type { BusOptions, ConsumeOptions, Consumer, EventBus, EventHandler } from './bus';
export { createRedisBus, type RedisBusOptions } from './redis-bus';
export { createInProcessBus } from './in-process-bus';
export { createEventBus } from './create-bus';
export { OutboxEvent, OutboxEventSchema, recordEvent } from './outbox';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { idempotent, ProcessedEvent, ProcessedEventSchema } from './processed-event';
export { GATEWAY_STATS_CHANNEL, type GatewayStatsMessage, type SubgraphTraffic } from './gateway-stats';
