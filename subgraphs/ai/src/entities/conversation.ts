import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A conversation with a model, owned by one user; deleted ones are kept out of every read. */
export class Conversation {
  [OptionalProps]?: 'id' | 'systemPrompt' | 'createdAt' | 'updatedAt' | 'deletedAt';
  id: string = randomUUID();
  ownerId!: string;
  title!: string;
  model!: string;
  systemPrompt: string | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  deletedAt: Date | null = null;
}

export const ConversationSchema = new EntitySchema<Conversation>({
  class: Conversation,
  tableName: 'conversation',
  indexes: [{ properties: ['ownerId', 'updatedAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid' },
    title: { type: 'string', length: 200 },
    model: { type: 'string', length: 100 },
    systemPrompt: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    deletedAt: { type: 'datetime', nullable: true },
  },
});
