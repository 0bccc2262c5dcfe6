import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type GymSessionStatus = 'SCHEDULED' | 'CANCELLED';

/**
 * A bookable slot. Its row is the lock every change of its seats takes (`for update`), so
 * the seat count read under it is exact. `endedAt` is set once its end has been processed
 * (credits captured, no-shows recorded).
 */
export class GymSession {
  [OptionalProps]?: 'id' | 'status' | 'endedAt' | 'createdAt';
  id: string = randomUUID();
  gymId!: string;
  title!: string;
  startsAt!: Date;
  endsAt!: Date;
  capacity!: number;
  priceCredits!: number;
  status: GymSessionStatus = 'SCHEDULED';
  endedAt: Date | null = null;
  createdBy!: string;
  createdAt: Date = new Date();
}

export const GymSessionSchema = new EntitySchema<GymSession>({
  class: GymSession,
  tableName: 'gym_session',
  indexes: [
    { properties: ['gymId', 'startsAt', 'id'] },
    {
      name: 'gym_session_to_end_index',
      expression:
        'create index "gym_session_to_end_index" on "bookings"."gym_session" ("ends_at") where "ended_at" is null',
    },
  ],
  checks: [
    { name: 'gym_session_capacity_check', expression: 'capacity >= 0' },
    { name: 'gym_session_price_check', expression: 'price_credits >= 0' },
    { name: 'gym_session_times_check', expression: 'ends_at > starts_at' },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    gymId: { type: 'uuid' },
    title: { type: 'string', length: 200 },
    startsAt: { type: 'datetime' },
    endsAt: { type: 'datetime' },
    capacity: { type: 'integer' },
    priceCredits: { type: 'integer' },
    status: { type: 'string', length: 20 },
    endedAt: { type: 'datetime', nullable: true },
    createdBy: { type: 'uuid' },
    createdAt: { type: 'datetime' },
  },
});
