import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ACCOUNT,
  type AccountRow,
  AlreadyRecorded,
  appendEntry,
  balanceOf,
  type CreditBalance,
  isRecorded,
  notEnoughCredits,
  once,
  readBalance,
} from './store';
import { creditAmount, shortText, userIdOf } from './validation';

export interface SpendCredits {
  userId: string;
  amount: number;
  reason: string;
  /** The client's key: once per user and key. */
  key: string;
}

/**
 * Takes `amount` from subscription credits first, then purchased ones, in one statement that
 * refuses to overdraw: Postgres re-checks `subscription + purchased >= amount` against the
 * latest row when concurrent spends queue on it, so they can never take more than there is.
 */
const SPEND = `
  update ${ACCOUNT}
  set subscription = subscription - least(subscription, ?),
      purchased = purchased - (? - least(subscription, ?))
  where user_id = ? and subscription + purchased >= ?
  returning subscription, purchased, held`;

/**
 * Spends the user's credits. Once per key: a replay (or a concurrent twin) spends nothing and
 * answers the current balance. Too few credits: QUOTA_EXCEEDED with `available` and
 * `requested`, and nothing is written.
 */
export async function spendCredits(em: EntityManager, spend: SpendCredits): Promise<CreditBalance> {
  const userId = userIdOf(spend.userId);
  const amount = creditAmount(spend.amount);
  const reason = shortText(spend.reason, 'reason');
  const key = `spend:${shortText(spend.key, 'idempotencyKey')}`;
  return once(em, userId, async (tx) => {
    if (await isRecorded(tx, userId, key)) throw new AlreadyRecorded();
    const [row] = await tx.execute<AccountRow[]>(SPEND, [amount, amount, amount, userId, amount]);
    if (!row) {
      // A twin with this key may have committed while this statement waited for the row.
      if (await isRecorded(tx, userId, key)) throw new AlreadyRecorded();
      throw notEnoughCredits((await readBalance(tx, userId)).available, amount);
    }
    const balance = balanceOf(userId, row);
    const recorded = await appendEntry(tx, {
      userId,
      kind: 'spend',
      amount: -amount,
      balanceAfter: balance.available,
      reason,
      key,
    });
    if (!recorded) throw new AlreadyRecorded();
    return balance;
  });
}
