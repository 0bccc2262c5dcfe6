export {
  DEFAULT_PLANS,
  plansSettings,
  planCatalogue,
  type Plan,
  type PlanCatalogue,
  type Price,
} from './plans';
export {
  UsageAllowance,
  UsageAllowanceSchema,
  UsageCounter,
  UsageCounterSchema,
  UsageSpend,
  UsageSpendSchema,
  usageEntities,
} from './entities';
export { entitlementsChanged, usageRecorded } from './consumers';
export {
  createMeter,
  type MeterOptions,
  type MeterStatus,
  type MeterUsage,
  type RecordInput,
  type RecordResult,
  type UsageMeter,
} from './meter';
export { METERS } from './store';
