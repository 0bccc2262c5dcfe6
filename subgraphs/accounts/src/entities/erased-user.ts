import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * A user whose personal data was erased (`identity.user_deleted`): only the id is kept, so
 * a late `identity.user_registered` or a still-valid access token cannot bring the data back.
 */
export class ErasedUser {
  [OptionalProps]?: 'erasedAt';
  userId!: string;
  erasedAt: Date = new Date();
}

export const ErasedUserSchema = new EntitySchema<ErasedUser>({
  class: ErasedUser,
  tableName: 'erased_user',
  properties: {
    userId: { type: 'uuid', primary: true },
    erasedAt: { type: 'datetime' },
  },
});
