import { DailyMetricSchema } from './daily-metric';
import { DailyUserActivitySchema } from './daily-user-activity';
import { EventFactSchema } from './event-fact';

export { EventFact } from './event-fact';
export { DailyMetric } from './daily-metric';
export { DailyUserActivity } from './daily-user-activity';

export const entities = [EventFactSchema, DailyMetricSchema, DailyUserActivitySchema];
