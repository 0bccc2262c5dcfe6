import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A message in a user's in-app inbox. */
export class Notification {
  [OptionalProps]?: 'id' | 'createdAt' | 'readAt' | 'archivedAt' | 'link';
  id: string = randomUUID();
  /** The triggering event: one inbox entry per event and kind. */
  eventId!: string;
  userId!: string;
  kind!: string;
  category!: string;
  title!: string;
  body!: string;
  link: string | null = null;
  readAt: Date | null = null;
  archivedAt: Date | null = null;
  createdAt: Date = new Date();
}

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification,
  tableName: 'notification',
  uniques: [{ properties: ['eventId', 'kind'] }],
  indexes: [{ properties: ['userId', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    eventId: { type: 'uuid' },
    userId: { type: 'uuid' },
    kind: { type: 'string', length: 64 },
    category: { type: 'string', length: 32 },
    title: { type: 'string', length: 200 },
    body: { type: 'string', length: 2000 },
    link: { type: 'string', length: 2000, nullable: true },
    readAt: { type: 'datetime', nullable: true },
    archivedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
