import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type InductionStatus = 'REQUESTED' | 'SCHEDULED' | 'COMPLETED' | 'CANCELLED';

/** A user's induction at a gym: at most one live (not cancelled) per pair (a partial unique index). */
export class Induction {
  [OptionalProps]?: 'id' | 'status' | 'scheduledAt' | 'completedAt' | 'completedBy' | 'requestedAt';
  id: string = randomUUID();
  gymId!: string;
  userId!: string;
  status: InductionStatus = 'REQUESTED';
  scheduledAt: Date | null = null;
  completedAt: Date | null = null;
  completedBy: string | null = null;
  requestedAt: Date = new Date();
}

export const InductionSchema = new EntitySchema<Induction>({
  class: Induction,
  tableName: 'induction',
  indexes: [
    { properties: ['gymId', 'status', 'requestedAt', 'id'] },
    { properties: ['userId', 'requestedAt', 'id'] },
  ],
  uniques: [
    {
      name: 'induction_one_live_per_user',
      expression: `create unique index "induction_one_live_per_user" on "bookings"."induction" ("gym_id", "user_id") where "status" <> 'CANCELLED'`,
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    gymId: { type: 'uuid' },
    userId: { type: 'uuid' },
    status: { type: 'string', length: 20 },
    scheduledAt: { type: 'datetime', nullable: true },
    completedAt: { type: 'datetime', nullable: true },
    completedBy: { type: 'uuid', nullable: true },
    requestedAt: { type: 'datetime' },
  },
});
