import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** Credits set aside for a reference until captured or released. */
export class CreditHold {
  [OptionalProps]?: 'id' | 'createdAt' | 'status' | 'fromSubscription' | 'fromPurchased';
  id: string = randomUUID();
  userId!: string;
  amount!: number;
  /** Which buckets the held credits came from, so a release returns them there. */
  fromSubscription: number = 0;
  fromPurchased: number = 0;
  status: 'held' | 'captured' | 'released' = 'held';
  reference!: string;
  createdAt: Date = new Date();
}

export const CreditHoldSchema = new EntitySchema<CreditHold>({
  class: CreditHold,
  tableName: 'credit_hold',
  uniques: [{ properties: ['userId', 'reference'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    amount: { type: 'integer' },
    fromSubscription: { type: 'integer' },
    fromPurchased: { type: 'integer' },
    status: { type: 'string', length: 16 },
    reference: { type: 'string', length: 200 },
    createdAt: { type: 'datetime' },
  },
});
