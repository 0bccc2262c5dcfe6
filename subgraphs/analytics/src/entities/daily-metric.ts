import { EntitySchema } from '@mikro-orm/postgresql';

/** The rollup of one metric on one UTC day, kept up to date with each fact. */
export class DailyMetric {
  day!: string;
  metric!: string;
  /** A bigint: read through SQL as a number. */
  value!: string;
}

export const DailyMetricSchema = new EntitySchema<DailyMetric>({
  class: DailyMetric,
  tableName: 'daily_metric',
  properties: {
    day: { type: 'date', primary: true },
    metric: { type: 'string', length: 100, primary: true },
    value: { type: 'bigint' },
  },
  indexes: [{ properties: ['metric', 'day'] }],
});
