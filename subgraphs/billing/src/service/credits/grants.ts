import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import {
  ACCOUNT,
  type AccountRow,
  AlreadyRecorded,
  appendEntry,
  balanceOf,
  type CreditBalance,
  isRecorded,
  lockAccount,
  once,
} from './store';
import { creditAmount, shortText, userIdOf } from './validation';

export interface GrantCredits {
  userId: string;
  amount: number;
  /** Purchased credits never expire; subscription credits are replaced each period. */
  bucket: 'purchased' | 'subscription';
  kind: 'purchase' | 'subscription_grant' | 'admin_grant';
  reason: string;
  /** Once per user and key (e.g. `payment:<id>`): a repeat changes nothing. */
  key: string;
}

const BUCKETS = new Set(['purchased', 'subscription']);

/**
 * Adds credits to one bucket of the user's account (created on first use) and records the
 * movement. Once per (user, kind, key): a repeat, or a concurrent twin, changes nothing and
 * answers the current balance. Joins the caller's transaction (as a savepoint) if it has one.
 */
export async function grantCredits(em: EntityManager, grant: GrantCredits): Promise<CreditBalance> {
  const userId = userIdOf(grant.userId);
  const amount = creditAmount(grant.amount);
  const reason = shortText(grant.reason, 'reason');
  const key = `${grant.kind}:${shortText(grant.key, 'key')}`;
  if (!BUCKETS.has(grant.bucket)) throw new Error(`grantCredits: no bucket ${String(grant.bucket)}`);
  const bucket = grant.bucket;
  return once(em, userId, async (tx) => {
    if (await isRecorded(tx, userId, key)) throw new AlreadyRecorded();
    const [row] = await tx.execute<AccountRow[]>(
      `insert into ${ACCOUNT} as account (user_id, ${bucket}) values (?, ?)
       on conflict (user_id) do update set ${bucket} = account.${bucket} + excluded.${bucket}
       returning subscription, purchased, held`,
      [userId, amount],
    );
    const balance = balanceOf(userId, row);
    const recorded = await appendEntry(tx, {
      userId,
      kind: grant.kind,
      amount,
      balanceAfter: balance.available,
      reason,
      key,
    });
    if (!recorded) throw new AlreadyRecorded();
    return balance;
  });
}

/** The most subscription credits one period may bring. */
const MAX_PERIOD_CREDITS = 1_000_000_000;

/**
 * The plan's credits for a new period: what is left of the subscription bucket expires (a
 * `subscription_expiry` movement) and `amount` is granted (`subscription_grant`, even when 0,
 * so the period is recorded). Once per (user, key). Purchased credits are untouched; credits
 * held when the period turns are not expired (a release returns them where they came from).
 */
export async function replaceSubscriptionCredits(
  em: EntityManager,
  input: { userId: string; amount: number; key: string },
): Promise<CreditBalance> {
  const userId = userIdOf(input.userId);
  const { amount } = input;
  if (!Number.isInteger(amount) || amount < 0 || amount > MAX_PERIOD_CREDITS) {
    throw badUserInput(`amount: must be a whole number from 0 to ${MAX_PERIOD_CREDITS}`, 'amount');
  }
  const key = shortText(input.key, 'key');
  return once(em, userId, async (tx) => {
    const account = await lockAccount(tx, userId);
    if (await isRecorded(tx, userId, `subscription_grant:${key}`)) throw new AlreadyRecorded();
    const [row] = await tx.execute<AccountRow[]>(
      `update ${ACCOUNT} set subscription = ? where user_id = ? returning subscription, purchased, held`,
      [amount, userId],
    );
    const balance = balanceOf(userId, row);
    const now = Date.now();
    if (account.subscription > 0) {
      await appendEntry(tx, {
        userId,
        kind: 'subscription_expiry',
        amount: -account.subscription,
        balanceAfter: balance.purchased,
        reason: 'unspent plan credits of the past period',
        key: `subscription_expiry:${key}`,
        createdAt: new Date(now),
      });
    }
    const recorded = await appendEntry(tx, {
      userId,
      kind: 'subscription_grant',
      amount,
      balanceAfter: balance.available,
      reason: 'plan credits of the new period',
      key: `subscription_grant:${key}`,
      // A millisecond after the expiry, so newest-first lists show them in the order they happened.
      createdAt: new Date(now + 1),
    });
    if (!recorded) throw new AlreadyRecorded();
    return balance;
  });
}

/**
 * What is left of the subscription bucket expires when the subscription ends (a
 * `subscription_expiry` movement): plan credits last as long as the plan. Once per (user,
 * key); nothing is written when nothing is left.
 */
export async function expireSubscriptionCredits(
  em: EntityManager,
  input: { userId: string; key: string },
): Promise<CreditBalance> {
  const userId = userIdOf(input.userId);
  const key = `subscription_expiry:${shortText(input.key, 'key')}`;
  return once(em, userId, async (tx) => {
    const account = await lockAccount(tx, userId);
    if (account.subscription === 0) return balanceOf(userId, account);
    if (await isRecorded(tx, userId, key)) throw new AlreadyRecorded();
    const [row] = await tx.execute<AccountRow[]>(
      `update ${ACCOUNT} set subscription = 0 where user_id = ? returning subscription, purchased, held`,
      [userId],
    );
    const balance = balanceOf(userId, row);
    await appendEntry(tx, {
      userId,
      kind: 'subscription_expiry',
      amount: -account.subscription,
      balanceAfter: balance.available,
      reason: 'unspent plan credits of an ended subscription',
      key,
    });
    return balance;
  });
}
