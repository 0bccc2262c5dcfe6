import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A gym a user marked as a favourite. */
export class Favourite {
  [OptionalProps]?: 'createdAt';
  userId!: string;
  gymId!: string;
  createdAt: Date = new Date();
}

export const FavouriteSchema = new EntitySchema<Favourite>({
  class: Favourite,
  tableName: 'favourite',
  indexes: [{ properties: ['userId', 'createdAt', 'gymId'] }],
  properties: {
    userId: { type: 'uuid', primary: true },
    gymId: { type: 'uuid', primary: true },
    createdAt: { type: 'datetime' },
  },
});
