import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A Stripe event applied: its id is the key, so a redelivery is applied once. */
export class WebhookEvent {
  [OptionalProps]?: 'receivedAt';
  id!: string;
  type!: string;
  receivedAt: Date = new Date();
}

export const WebhookEventSchema = new EntitySchema<WebhookEvent>({
  class: WebhookEvent,
  tableName: 'webhook_event',
  properties: {
    id: { type: 'string', length: 255, primary: true },
    type: { type: 'string', length: 100 },
    receivedAt: { type: 'datetime' },
  },
});
