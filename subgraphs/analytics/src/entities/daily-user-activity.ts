import { EntitySchema } from '@mikro-orm/postgresql';

/** How many events one user caused on one UTC day: daily active users and top users read it. */
export class DailyUserActivity {
  day!: string;
  userId!: string;
  events!: number;
}

export const DailyUserActivitySchema = new EntitySchema<DailyUserActivity>({
  class: DailyUserActivity,
  tableName: 'daily_user_activity',
  properties: {
    day: { type: 'date', primary: true },
    userId: { type: 'string', length: 64, primary: true },
    events: { type: 'integer' },
  },
});
