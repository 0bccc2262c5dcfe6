import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, UserError } from '@lattice/server-kit';
import type { CreditEntryKind } from '../../entities';

// Billing's own tables (its schema is its name). Balances change only through the
// statements below, so every change is a conditional update and a ledger row.
export const ACCOUNT = 'billing.credit_account';
export const LEDGER = 'billing.credit_ledger_entry';
export const HOLD = 'billing.credit_hold';

/** A user's credits. `available` is what can be spent: subscription plus purchased. */
export interface CreditBalance {
  userId: string;
  available: number;
  subscription: number;
  purchased: number;
  /** Already taken out of the two buckets above, until captured or released. */
  held: number;
}

export interface AccountRow {
  subscription: number;
  purchased: number;
  held: number;
}

export const balanceOf = (userId: string, row: AccountRow | null | undefined): CreditBalance => {
  const { subscription = 0, purchased = 0, held = 0 } = row ?? {};
  return { userId, available: subscription + purchased, subscription, purchased, held };
};

/** Creates the user's (empty) account unless it exists. */
export async function ensureAccount(em: EntityManager, userId: string): Promise<void> {
  await em.execute(
    `insert into ${ACCOUNT} (user_id) values (?) on conflict (user_id) do nothing`,
    [userId],
    'run',
  );
}

/**
 * The user's account, locked until the transaction ends: credit changes of one user that
 * need to read before they write (holds, period replacements) apply one after the other.
 */
export async function lockAccount(em: EntityManager, userId: string): Promise<AccountRow> {
  await ensureAccount(em, userId);
  const [row] = await em.execute<AccountRow[]>(
    `select subscription, purchased, held from ${ACCOUNT} where user_id = ? for update`,
    [userId],
  );
  return row!;
}

/** Whether the ledger already records the movement of `key` for the user. */
export async function isRecorded(em: EntityManager, userId: string, key: string): Promise<boolean> {
  const rows = await em.execute(`select 1 from ${LEDGER} where user_id = ? and idempotency_key = ?`, [
    userId,
    key,
  ]);
  return rows.length > 0;
}

/** The user's movement recorded under `key`, if any. */
export async function recordedEntry(
  em: EntityManager,
  userId: string,
  key: string,
): Promise<{ amount: number; reason: string | null } | undefined> {
  const [entry] = await em.execute<Array<{ amount: number; reason: string | null }>>(
    `select amount, reason from ${LEDGER} where user_id = ? and idempotency_key = ?`,
    [userId, key],
  );
  return entry;
}

export interface EntryInput {
  userId: string;
  kind: CreditEntryKind;
  amount: number;
  /** Available credits after the movement. */
  balanceAfter: number;
  reason: string | null;
  /** Unique per user: stored as given (callers prefix it with what it is for). */
  key: string;
  createdAt?: Date;
}

/**
 * Appends one movement to the ledger. False when the user's ledger already holds `key` (a
 * replay, or a concurrent twin that committed first): nothing is inserted then, and the
 * caller must roll its change back (throw `AlreadyRecorded`).
 */
export async function appendEntry(em: EntityManager, entry: EntryInput): Promise<boolean> {
  const inserted = await em.execute(
    `insert into ${LEDGER} (id, user_id, kind, amount, balance_after, reason, idempotency_key, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (user_id, idempotency_key) do nothing
     returning id`,
    [
      randomUUID(),
      entry.userId,
      entry.kind,
      entry.amount,
      entry.balanceAfter,
      entry.reason,
      entry.key,
      entry.createdAt ?? new Date(),
    ],
  );
  return inserted.length > 0;
}

/** QUOTA_EXCEEDED, with what could be spent and what was asked. */
export const notEnoughCredits = (available: number, requested: number) =>
  new UserError(
    ErrorCode.QuotaExceeded,
    `Not enough credits: ${requested} requested, ${available} available`,
    {
      available,
      requested,
    },
  );

/** Thrown inside a credit transaction whose key turned out to be recorded: rolls it back. */
export class AlreadyRecorded extends Error {
  constructor() {
    super('credit movement already recorded');
    this.name = 'AlreadyRecorded';
  }
}

/** The user's balance, zeros when they have no account. */
export async function readBalance(em: EntityManager, userId: string): Promise<CreditBalance> {
  const [row] = await em.execute<AccountRow[]>(
    `select subscription, purchased, held from ${ACCOUNT} where user_id = ?`,
    [userId],
  );
  return balanceOf(userId, row);
}

/**
 * Runs `work` in a transaction (a savepoint inside the caller's), once per key: when `work`
 * finds its key already recorded it throws `AlreadyRecorded`, everything it did is rolled
 * back, and the current balance is the answer.
 */
export async function once(
  em: EntityManager,
  userId: string,
  work: (tx: EntityManager) => Promise<CreditBalance>,
): Promise<CreditBalance> {
  try {
    return await em.transactional(work);
  } catch (error) {
    if (error instanceof AlreadyRecorded) return readBalance(em, userId);
    throw error;
  }
}
