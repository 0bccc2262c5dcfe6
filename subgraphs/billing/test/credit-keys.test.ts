import { randomUUID } from 'node:crypto';
import {
  creditBalance,
  expireSubscriptionCredits,
  grantCredits,
  holdCredits,
  spendCredits,
} from '../src/service/credits';
import { useBillingDatabase } from './support/billing-database';

const db = useBillingDatabase();

const em = () => db.orm.em.fork();
const grant = (userId: string, amount: number, bucket: 'purchased' | 'subscription' = 'purchased') =>
  grantCredits(em(), {
    userId,
    amount,
    bucket,
    kind: bucket === 'purchased' ? 'purchase' : 'subscription_grant',
    reason: 'test',
    key: randomUUID(),
  });
const ledger = (userId: string) =>
  db.orm.em
    .getConnection()
    .execute<Array<{ kind: string; amount: number }>>(
      'select kind, amount from billing.credit_ledger_entry where user_id = ? order by created_at, id',
      [userId],
    );

describe('a credit key names one movement', () => {
  it('of concurrent spends under one key for different amounts, one spends and the others are CONFLICT', async () => {
    const userId = randomUUID();
    await grant(userId, 100);
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5, 1, 2, 3].map((amount) =>
        spendCredits(em(), { userId, amount, reason: 'race', key: 'one-key' }),
      ),
    );
    const spends = (await ledger(userId)).filter((entry) => entry.kind === 'spend');
    expect(spends).toHaveLength(1);
    const spent = -spends[0]!.amount;
    expect((await creditBalance(em(), userId)).available).toBe(100 - spent);
    for (const result of results) {
      if (result.status === 'fulfilled') expect(result.value.available).toBe(100 - spent);
      else expect(result.reason).toMatchObject({ extensions: { code: 'CONFLICT', field: 'idempotencyKey' } });
    }
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(
      [1, 2, 3, 4, 5, 1, 2, 3].filter((amount) => amount !== spent).length,
    );
  });

  it('refuses the key of a spend for another reason, and a hold reference for another amount', async () => {
    const userId = randomUUID();
    await grant(userId, 20);
    await spendCredits(em(), { userId, amount: 2, reason: 'image', key: 'k' });
    await expect(spendCredits(em(), { userId, amount: 2, reason: 'video', key: 'k' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', field: 'idempotencyKey' },
    });
    await holdCredits(em(), { userId, amount: 3, reference: 'booking' });
    await expect(holdCredits(em(), { userId, amount: 4, reference: 'booking' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', field: 'reference' },
    });
    expect(await creditBalance(em(), userId)).toMatchObject({ available: 15, held: 3 });
  });
});

describe('expireSubscriptionCredits', () => {
  it('takes what is left of the subscription bucket once, and leaves purchased credits', async () => {
    const userId = randomUUID();
    await grant(userId, 7);
    await grant(userId, 50, 'subscription');
    await spendCredits(em(), { userId, amount: 10, reason: 'x', key: 's' });
    const expire = () => expireSubscriptionCredits(em(), { userId, key: 'sub_1:ended' });
    expect(await expire()).toMatchObject({ subscription: 0, purchased: 7, available: 7 });
    expect(await expire()).toMatchObject({ subscription: 0, purchased: 7 });
    const expiries = (await ledger(userId)).filter((entry) => entry.kind === 'subscription_expiry');
    expect(expiries).toEqual([{ kind: 'subscription_expiry', amount: -40 }]);
  });
});
