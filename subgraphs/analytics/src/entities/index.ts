import { CustomerRevenueSchema } from './customer-revenue';
import { DailyMetricSchema } from './daily-metric';
import { DailyRevenueSchema } from './daily-revenue';
import { DailyUserActivitySchema } from './daily-user-activity';
import { EventFactSchema } from './event-fact';
import { RevenueEntrySchema } from './revenue-entry';
import { SubscriptionMrrSchema } from './subscription-mrr';

export { EventFact } from './event-fact';
export { DailyMetric } from './daily-metric';
export { DailyUserActivity } from './daily-user-activity';
export { RevenueEntry } from './revenue-entry';
export { DailyRevenue } from './daily-revenue';
export { CustomerRevenue } from './customer-revenue';
export { SubscriptionMrr } from './subscription-mrr';

export const entities = [
  EventFactSchema,
  DailyMetricSchema,
  DailyUserActivitySchema,
  RevenueEntrySchema,
  DailyRevenueSchema,
  CustomerRevenueSchema,
  SubscriptionMrrSchema,
];
