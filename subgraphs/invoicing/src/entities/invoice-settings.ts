import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export const DEFAULT_NUMBER_PATTERN = 'INV-{YYYY}-{SEQ:4}';
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/**
 * One user's numbering and terms. `lastSequence` is the sequence's counter: issuing takes the
 * next value under this row's lock, in the transaction that issues, so a failed issue gives
 * its number back and concurrent issues get consecutive ones.
 */
export class InvoiceSettings {
  [OptionalProps]?: 'numberPattern' | 'paymentTermsDays' | 'lastSequence';
  userId!: string;
  numberPattern: string = DEFAULT_NUMBER_PATTERN;
  paymentTermsDays: number = DEFAULT_PAYMENT_TERMS_DAYS;
  lastSequence = 0;
}

export const InvoiceSettingsSchema = new EntitySchema<InvoiceSettings>({
  class: InvoiceSettings,
  tableName: 'invoice_settings',
  properties: {
    userId: { type: 'uuid', primary: true },
    numberPattern: { type: 'string', length: 40 },
    paymentTermsDays: { type: 'integer' },
    lastSequence: { type: 'integer' },
  },
});
