import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * A deleted user, by id alone: what arrives for them afterwards (a profile published before
 * the deletion, billing's last events) is applied as nothing, instead of bringing them back.
 */
export class ErasedUser {
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
