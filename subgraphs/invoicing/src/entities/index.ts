import { InvoiceSchema } from './invoice';
import { InvoiceSettingsSchema } from './invoice-settings';

export * from './invoice';
export * from './invoice-settings';
export const entities = [InvoiceSchema, InvoiceSettingsSchema];
