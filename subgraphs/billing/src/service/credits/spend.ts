import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '@lattice/server-kit';
import {
  ACCOUNT,
  type AccountRow,
  AlreadyRecorded,
  appendEntry,
  balanceOf,
  type CreditBalance,
  notEnoughCredits,
  once,
  readBalance,
  recordedEntry,
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
 * answers the current balance; the key reused for another spend (amount or reason) is
 * CONFLICT. Too few credits: QUOTA_EXCEEDED with `available` and `requested`, and nothing is
 * written.
 */
export async function spendCredits(em: EntityManager, spend: SpendCredits): Promise<CreditBalance> {
  const userId = userIdOf(spend.userId);
  const amount = creditAmount(spend.amount);
  const reason = shortText(spend.reason, 'reason');
  const key = `spend:${shortText(spend.key, 'idempotencyKey')}`;
  /** Throws when the key is recorded: a replay, or CONFLICT for another spend. */
  const refuseRecorded = async (tx: EntityManager) => {
    const entry = await recordedEntry(tx, userId, key);
    if (!entry) return;
    if (entry.amount !== -amount || entry.reason !== reason) {
      throw conflict(
        `idempotencyKey: already used to spend ${-entry.amount} credits for "${entry.reason}"; use a new key`,
        'idempotencyKey',
      );
    }
    throw new AlreadyRecorded();
  };
  return once(em, userId, async (tx) => {
    await refuseRecorded(tx);
    const [row] = await tx.execute<AccountRow[]>(SPEND, [amount, amount, amount, userId, amount]);
    if (!row) {
      // A twin with this key may have committed while this statement waited for the row.
      await refuseRecorded(tx);
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
    if (!recorded) await refuseRecorded(tx);
    return balance;
  });
}
