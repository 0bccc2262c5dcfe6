import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type DeliveryChannel = 'email' | 'sms';
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed';

/**
 * One message to send on one channel, made once per triggering event (unique on event, kind
 * and channel) and sent by the dispatcher with retries. Holds what was rendered, so a retry
 * sends the same bytes.
 */
export class Delivery {
  [OptionalProps]?:
    | 'id'
    | 'status'
    | 'attempts'
    | 'createdAt'
    | 'nextAttemptAt'
    | 'leaseUntil'
    | 'providerId'
    | 'lastError'
    | 'sentAt'
    | 'html'
    | 'headers';
  id: string = randomUUID();
  eventId!: string;
  /** When the triggering event happened: latency is measured from it. */
  eventAt!: Date;
  userId!: string;
  kind!: string;
  category!: string;
  channel!: DeliveryChannel;
  /** The address or phone number; erased with the user. */
  address!: string;
  subject!: string;
  text!: string;
  html: string | null = null;
  /** Extra mail headers (List-Unsubscribe...). */
  headers: Record<string, string> | null = null;
  status: DeliveryStatus = 'queued';
  attempts: number = 0;
  nextAttemptAt: Date = new Date();
  /** While `sending`: until when this attempt owns it (a crashed sender's work is taken over after). */
  leaseUntil: Date | null = null;
  providerId: string | null = null;
  lastError: string | null = null;
  createdAt: Date = new Date();
  sentAt: Date | null = null;
}

export const DeliverySchema = new EntitySchema<Delivery>({
  class: Delivery,
  tableName: 'delivery',
  uniques: [{ properties: ['eventId', 'kind', 'channel'] }],
  indexes: [
    { properties: ['status', 'nextAttemptAt'] },
    { properties: ['createdAt', 'id'] },
    { properties: ['userId', 'createdAt'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    eventId: { type: 'uuid' },
    eventAt: { type: 'datetime' },
    userId: { type: 'uuid' },
    kind: { type: 'string', length: 64 },
    category: { type: 'string', length: 32 },
    channel: { type: 'string', length: 8 },
    address: { type: 'string', length: 320 },
    subject: { type: 'string', length: 300 },
    text: { type: 'text' },
    html: { type: 'text', nullable: true },
    headers: { type: 'json', nullable: true },
    status: { type: 'string', length: 16 },
    attempts: { type: 'smallint' },
    nextAttemptAt: { type: 'datetime' },
    leaseUntil: { type: 'datetime', nullable: true },
    providerId: { type: 'string', length: 300, nullable: true },
    lastError: { type: 'string', length: 500, nullable: true },
    createdAt: { type: 'datetime' },
    sentAt: { type: 'datetime', nullable: true },
  },
});
