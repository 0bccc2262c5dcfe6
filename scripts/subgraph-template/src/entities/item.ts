import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** An item of one user. */
export class __Name__Item {
  [OptionalProps]?: 'id' | 'createdAt';
  id: string = randomUUID();
  ownerId!: string;
  title!: string;
  createdAt: Date = new Date();
}

export const __Name__ItemSchema = new EntitySchema<__Name__Item>({
  class: __Name__Item,
  tableName: 'item',
  // Keyset pagination of one owner's list, newest first: (owner_id, created_at, id).
  indexes: [{ properties: ['ownerId', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid' },
    title: { type: 'string', length: 200 },
    createdAt: { type: 'datetime' },
  },
});
