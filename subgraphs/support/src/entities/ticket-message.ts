import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** REPLY: the author sees it. NOTE: internal, agents only. */
export type TicketMessageKind = 'REPLY' | 'NOTE';

export class TicketMessage {
  [OptionalProps]?: 'id' | 'createdAt';
  id: string = randomUUID();
  ticketId!: string;
  authorId!: string;
  kind!: TicketMessageKind;
  /** Whether an agent (or admin) wrote it. */
  fromAgent!: boolean;
  body!: string;
  createdAt: Date = new Date();
}

export const TicketMessageSchema = new EntitySchema<TicketMessage>({
  class: TicketMessage,
  tableName: 'ticket_message',
  indexes: [{ properties: ['ticketId', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    ticketId: { type: 'uuid' },
    authorId: { type: 'uuid' },
    kind: { type: 'string', length: 10 },
    fromAgent: { type: 'boolean' },
    body: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
});
