import { EntitySchema } from '@mikro-orm/postgresql';

/** A user identity erased: nothing more is stored for them (a request in flight included). */
export class ErasedUser {
  userId!: string;
  erasedAt!: Date;
}

export const ErasedUserSchema = new EntitySchema<ErasedUser>({
  class: ErasedUser,
  tableName: 'erased_user',
  properties: {
    userId: { type: 'uuid', primary: true },
    erasedAt: { type: 'datetime' },
  },
});
