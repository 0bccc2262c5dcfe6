import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * How to reach and greet a user, kept from identity's and accounts' events (subgraphs do not
 * ask each other): the address, the name, the language and time zone, and their own switches
 * per channel.
 */
export class Recipient {
  [OptionalProps]?:
    | 'phone'
    | 'displayName'
    | 'locale'
    | 'timezone'
    | 'emailEnabled'
    | 'smsEnabled'
    | 'marketingEnabled'
    | 'updatedAt';
  userId!: string;
  email!: string | null;
  phone: string | null = null;
  displayName: string | null = null;
  locale: string = 'en';
  timezone: string = 'UTC';
  emailEnabled: boolean = true;
  smsEnabled: boolean = false;
  marketingEnabled: boolean = false;
  updatedAt: Date = new Date();
}

export const RecipientSchema = new EntitySchema<Recipient>({
  class: Recipient,
  tableName: 'recipient',
  properties: {
    userId: { type: 'uuid', primary: true },
    email: { type: 'string', length: 320, nullable: true },
    phone: { type: 'string', length: 16, nullable: true },
    displayName: { type: 'string', length: 100, nullable: true },
    locale: { type: 'string', length: 35 },
    timezone: { type: 'string', length: 64 },
    emailEnabled: { type: 'boolean' },
    smsEnabled: { type: 'boolean' },
    marketingEnabled: { type: 'boolean' },
    updatedAt: { type: 'datetime' },
  },
});
