import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A client a user bills often. */
export class FrequentClient {
  [OptionalProps]?: 'id' | 'email' | 'address' | 'createdAt';
  id: string = randomUUID();
  userId!: string;
  name!: string;
  email: string | null = null;
  address: string | null = null;
  createdAt: Date = new Date();
}

export const FrequentClientSchema = new EntitySchema<FrequentClient>({
  class: FrequentClient,
  tableName: 'frequent_client',
  // Keyset pagination of one user's list: (user_id, created_at, id).
  indexes: [{ properties: ['userId', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    name: { type: 'string', length: 200 },
    email: { type: 'string', length: 254, nullable: true },
    address: { type: 'string', length: 1000, nullable: true },
    createdAt: { type: 'datetime' },
  },
});
