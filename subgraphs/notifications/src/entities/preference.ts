import { EntitySchema } from '@mikro-orm/postgresql';

/** A user's choice for one category on one channel (absent: the category's default). */
export class Preference {
  userId!: string;
  category!: string;
  channel!: string;
  enabled!: boolean;
}

export const PreferenceSchema = new EntitySchema<Preference>({
  class: Preference,
  tableName: 'preference',
  properties: {
    userId: { type: 'uuid', primary: true },
    category: { type: 'string', length: 32, primary: true },
    channel: { type: 'string', length: 8, primary: true },
    enabled: { type: 'boolean' },
  },
});
