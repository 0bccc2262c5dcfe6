/**
 * The event bus alone, without the outbox and consumer bookkeeping (and so without the ORM):
 * for processes that only broadcast and listen, like the gateway.
 */
export type { BusOptions, EventBus } from './bus';
export { createEventBus } from './create-bus';
export { GATEWAY_STATS_CHANNEL, type GatewayStatsMessage, type SubgraphTraffic } from './gateway-stats';
