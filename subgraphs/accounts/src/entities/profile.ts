import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A user's profile, keyed by the identity user id (no foreign key across schemas). */
export class Profile {
  [OptionalProps]?: 'createdAt' | 'updatedAt';
  userId!: string;
  displayName!: string;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const ProfileSchema = new EntitySchema<Profile>({
  class: Profile,
  tableName: 'profile',
  properties: {
    userId: { type: 'uuid', primary: true },
    displayName: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime', onUpdate: () => new Date() },
  },
});
