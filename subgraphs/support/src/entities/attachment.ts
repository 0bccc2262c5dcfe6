import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A media attached to a ticket when it was opened (`messageId` null) or to one of its messages. */
export class Attachment {
  [OptionalProps]?: 'id' | 'messageId' | 'createdAt';
  id: string = randomUUID();
  ticketId!: string;
  messageId: string | null = null;
  mediaId!: string;
  /** Its place among the files attached together. */
  position!: number;
  createdAt: Date = new Date();
}

export const AttachmentSchema = new EntitySchema<Attachment>({
  class: Attachment,
  tableName: 'attachment',
  indexes: [{ properties: ['ticketId'] }, { properties: ['messageId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    ticketId: { type: 'uuid' },
    messageId: { type: 'uuid', nullable: true },
    mediaId: { type: 'uuid' },
    position: { type: 'smallint' },
    createdAt: { type: 'datetime' },
  },
});
