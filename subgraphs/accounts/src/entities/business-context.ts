import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * Who a user is as a business (for invoices), keyed by the identity user id. The row is also
 * what concurrent additions to the user's lists lock, so their caps hold.
 */
export class BusinessContext {
  [OptionalProps]?:
    'companyName' | 'address' | 'taxId' | 'defaultCurrency' | 'logoMediaId' | 'createdAt' | 'updatedAt';
  userId!: string;
  companyName: string | null = null;
  address: string | null = null;
  taxId: string | null = null;
  /** ISO 4217, e.g. `GBP`. */
  defaultCurrency: string | null = null;
  /** The company logo: an image media of the user's, printed on their invoices. */
  logoMediaId: string | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const BusinessContextSchema = new EntitySchema<BusinessContext>({
  class: BusinessContext,
  tableName: 'business_context',
  properties: {
    userId: { type: 'uuid', primary: true },
    companyName: { type: 'string', length: 200, nullable: true },
    address: { type: 'string', length: 1000, nullable: true },
    taxId: { type: 'string', length: 64, nullable: true },
    defaultCurrency: { type: 'string', length: 3, nullable: true },
    logoMediaId: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime', onUpdate: () => new Date() },
  },
});
