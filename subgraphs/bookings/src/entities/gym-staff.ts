import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type GymRole = 'MANAGER' | 'STAFF';

/** A user's role at one gym. */
export class GymStaff {
  [OptionalProps]?: 'since';
  gymId!: string;
  userId!: string;
  role!: GymRole;
  since: Date = new Date();
}

export const GymStaffSchema = new EntitySchema<GymStaff>({
  class: GymStaff,
  tableName: 'gym_staff',
  indexes: [{ properties: ['userId'] }],
  properties: {
    gymId: { type: 'uuid', primary: true },
    userId: { type: 'uuid', primary: true },
    role: { type: 'string', length: 20 },
    since: { type: 'datetime' },
  },
});
