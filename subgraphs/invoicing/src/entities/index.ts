import { ErasedUserSchema } from './erased-user';
import { InvoiceSchema } from './invoice';
import { InvoiceSettingsSchema } from './invoice-settings';

export * from './erased-user';
export * from './invoice';
export * from './invoice-settings';
export const entities = [InvoiceSchema, InvoiceSettingsSchema, ErasedUserSchema];
