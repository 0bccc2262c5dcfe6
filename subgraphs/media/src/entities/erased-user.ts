import { EntitySchema } from '@mikro-orm/postgresql';

/** A user identity erased: files other domains hand over later (an image, an invoice) are not stored for them. */
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
