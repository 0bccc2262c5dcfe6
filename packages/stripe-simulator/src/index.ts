export { startStripeSimulator } from './simulator';
export type { StripeSimulator, StripeSimulatorOptions } from './simulator';
export type { StripeEventRecord } from './core/events';
export type { DeliveryMode, DeliveryOptions } from './webhooks/dispatcher';
