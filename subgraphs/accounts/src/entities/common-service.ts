import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A service a user sells often. */
export class CommonService {
  [OptionalProps]?: 'id' | 'currency' | 'unit' | 'createdAt';
  id: string = randomUUID();
  userId!: string;
  description!: string;
  /** A decimal string with two decimals (`numeric(12, 2)`), never a float. */
  unitPrice!: string;
  /** ISO 4217; null means the business context's default. */
  currency: string | null = null;
  unit: string | null = null;
  createdAt: Date = new Date();
}

export const CommonServiceSchema = new EntitySchema<CommonService>({
  class: CommonService,
  tableName: 'common_service',
  // Keyset pagination of one user's list: (user_id, created_at, id).
  indexes: [{ properties: ['userId', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    description: { type: 'string', length: 500 },
    unitPrice: { type: 'decimal', precision: 12, scale: 2 },
    currency: { type: 'string', length: 3, nullable: true },
    unit: { type: 'string', length: 32, nullable: true },
    createdAt: { type: 'datetime' },
  },
});
