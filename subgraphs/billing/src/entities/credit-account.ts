import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * A user's credit balances. Changed only by conditional updates that keep every bucket at
 * zero or above, so concurrent spends can never overdraw it.
 */
export class CreditAccount {
  [OptionalProps]?: 'subscription' | 'purchased' | 'held';
  userId!: string;
  /** Granted by the plan each period, replaced at the next. */
  subscription: number = 0;
  purchased: number = 0;
  /** Set aside by holds; already taken out of the two buckets above. */
  held: number = 0;
}

export const CreditAccountSchema = new EntitySchema<CreditAccount>({
  class: CreditAccount,
  tableName: 'credit_account',
  checks: [
    { name: 'credit_account_not_negative', expression: 'subscription >= 0 and purchased >= 0 and held >= 0' },
  ],
  properties: {
    userId: { type: 'uuid', primary: true },
    subscription: { type: 'integer' },
    purchased: { type: 'integer' },
    held: { type: 'integer' },
  },
});
