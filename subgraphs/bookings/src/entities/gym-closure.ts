import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** Local dates a gym is closed, both included (`YYYY-MM-DD` in the gym's zone). */
export class GymClosure {
  [OptionalProps]?: 'id' | 'reason';
  id: string = randomUUID();
  gymId!: string;
  fromDate!: string;
  toDate!: string;
  reason: string | null = null;
}

export const GymClosureSchema = new EntitySchema<GymClosure>({
  class: GymClosure,
  tableName: 'gym_closure',
  indexes: [{ properties: ['gymId', 'toDate'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    gymId: { type: 'uuid' },
    fromDate: { type: 'date' },
    toDate: { type: 'date' },
    reason: { type: 'string', length: 200, nullable: true },
  },
});
