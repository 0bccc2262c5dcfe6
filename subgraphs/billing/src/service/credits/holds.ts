import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, conflict, ErrorCode, forbidden, notFound, UserError } from '@lattice/server-kit';
import { CreditHold } from '../../entities';
import {
  ACCOUNT,
  type AccountRow,
  appendEntry,
  balanceOf,
  HOLD,
  lockAccount,
  notEnoughCredits,
} from './store';
import { creditAmount, isUuid, shortText, userIdOf } from './validation';

interface HoldRow {
  id: string;
  user_id: string;
  amount: number;
  from_subscription: number;
  from_purchased: number;
  status: CreditHold['status'];
  reference: string;
  created_at: Date;
}

const holdOf = (row: HoldRow): CreditHold =>
  Object.assign(new CreditHold(), {
    id: row.id,
    userId: row.user_id,
    amount: row.amount,
    fromSubscription: row.from_subscription,
    fromPurchased: row.from_purchased,
    status: row.status,
    reference: row.reference,
    createdAt: new Date(row.created_at),
  });

/**
 * Holds a service makes (bookings, through billing's internal routes) are stored under this
 * prefix, out of reach of the user's own mutations: a member must not release the hold of a
 * seat they keep, nor make one in a booking's name beforehand.
 */
export const SERVICE_PREFIX = 'service:';

const isServiceReference = (reference: string) => reference.startsWith(SERVICE_PREFIX);

/** The stored reference: a service's own under SERVICE_PREFIX; a user's may not start with it. */
function holdReference(value: unknown, byService: boolean): string {
  const reference = shortText(value, 'reference', 190);
  if (byService) return SERVICE_PREFIX + reference;
  if (isServiceReference(reference)) {
    throw badUserInput(
      `reference: "${SERVICE_PREFIX}" starts the references of services; choose another`,
      'reference',
    );
  }
  return reference;
}

const findHold = async (em: EntityManager, where: string, params: unknown[]): Promise<CreditHold | null> => {
  const [row] = await em.execute<HoldRow[]>(`select * from ${HOLD} where ${where}`, params);
  return row ? holdOf(row) : null;
};

/**
 * Sets `amount` credits aside for `reference` (e.g. a booking), taken from subscription
 * credits first, then purchased, until captured or released. Once per (user, reference): a
 * repeat answers the same hold, whatever became of it; another amount for the reference is
 * CONFLICT. QUOTA_EXCEEDED with `available` and `requested` when too few are available.
 */
export async function holdCredits(
  em: EntityManager,
  input: { userId: string; amount: number; reference: string },
  { byService = false }: { byService?: boolean } = {},
): Promise<CreditHold> {
  const userId = userIdOf(input.userId);
  const amount = creditAmount(input.amount);
  const reference = holdReference(input.reference, byService);
  return em.transactional(async (tx) => {
    // Holds of one user queue on the account row, so the check below sees any twin committed.
    const account = await lockAccount(tx, userId);
    const existing = await findHold(tx, 'user_id = ? and reference = ?', [userId, reference]);
    if (existing && existing.amount !== amount) {
      throw conflict(
        `reference: already holds ${existing.amount} credits (${existing.status}); use a new reference`,
        'reference',
      );
    }
    if (existing) return existing;
    const available = account.subscription + account.purchased;
    if (available < amount) throw notEnoughCredits(available, amount);
    const fromSubscription = Math.min(account.subscription, amount);
    const fromPurchased = amount - fromSubscription;
    const [row] = await tx.execute<AccountRow[]>(
      `update ${ACCOUNT}
       set subscription = subscription - ?, purchased = purchased - ?, held = held + ?
       where user_id = ? and subscription >= ? and purchased >= ?
       returning subscription, purchased, held`,
      [fromSubscription, fromPurchased, amount, userId, fromSubscription, fromPurchased],
    );
    const id = randomUUID();
    const [hold] = await tx.execute<HoldRow[]>(
      `insert into ${HOLD} (id, user_id, amount, from_subscription, from_purchased, status, reference, created_at)
       values (?, ?, ?, ?, ?, 'held', ?, ?) returning *`,
      [id, userId, amount, fromSubscription, fromPurchased, reference, new Date()],
    );
    await appendEntry(tx, {
      userId,
      kind: 'hold',
      amount: -amount,
      balanceAfter: balanceOf(userId, row).available,
      reason: reference,
      key: `hold:${id}`,
    });
    return holdOf(hold!);
  });
}

/**
 * Moves a hold of the user's out of `held`. The conditional update on its status has one
 * winner: of a concurrent release and capture (or two of either), the others get CONFLICT.
 * Another user's hold, or no hold, is NOT_FOUND.
 */
async function settle(
  em: EntityManager,
  input: { userId: string; holdId: string },
  to: 'released' | 'captured',
  { byService = false }: { byService?: boolean } = {},
): Promise<CreditHold> {
  const userId = userIdOf(input.userId);
  const missing = () => notFound('You have no credit hold with this id');
  if (!isUuid(input.holdId)) throw missing();
  const holdId = input.holdId;
  return em.transactional(async (tx) => {
    const [row] = await tx.execute<HoldRow[]>(
      `update ${HOLD} set status = ?
       where id = ? and user_id = ? and status = 'held' and (? or reference not like '${SERVICE_PREFIX}%')
       returning *`,
      [to, holdId, userId, byService],
    );
    if (!row) {
      const hold = await findHold(tx, 'id = ? and user_id = ?', [holdId, userId]);
      if (!hold) throw missing();
      if (!byService && isServiceReference(hold.reference)) {
        throw forbidden('This hold belongs to a service (a booking): cancel the booking instead');
      }
      throw conflict(`This hold is already ${hold.status}`, 'id');
    }
    const hold = holdOf(row);
    const [account] = await tx.execute<AccountRow[]>(
      to === 'released'
        ? `update ${ACCOUNT} set subscription = subscription + ?, purchased = purchased + ?, held = held - ?
           where user_id = ? returning subscription, purchased, held`
        : `update ${ACCOUNT} set held = held - ?
           where user_id = ? returning subscription, purchased, held`,
      to === 'released'
        ? [hold.fromSubscription, hold.fromPurchased, hold.amount, userId]
        : [hold.amount, userId],
    );
    await appendEntry(tx, {
      userId,
      kind: to === 'released' ? 'release' : 'capture',
      // A capture changes nothing available (the hold already took the credits out of it),
      // so the ledger's amounts always add up to the available balance.
      amount: to === 'released' ? hold.amount : 0,
      balanceAfter: balanceOf(userId, account).available,
      reason: hold.reference,
      key: `${to === 'released' ? 'release' : 'capture'}:${hold.id}`,
    });
    return hold;
  });
}

/** Returns a held hold's credits to the buckets they came from. */
export const releaseCreditHold = (em: EntityManager, input: { userId: string; holdId: string }) =>
  settle(em, input, 'released');

/** Spends a held hold's credits for good. */
export const captureCreditHold = (em: EntityManager, input: { userId: string; holdId: string }) =>
  settle(em, input, 'captured');

/**
 * Settles the user's hold for `reference` (as held by holdCredits), for a service settling
 * what it held (bookings, through billing's internal routes), so that it may call again
 * blindly: the hold already settled this way is answered as it is; settled the other way,
 * CONFLICT; no hold for the reference (never held, or held by another user: holds are per
 * user), null. The user's account is locked first, so a hold of the reference still being
 * written commits before it is looked for.
 */
async function settleByReference(
  em: EntityManager,
  input: { userId: string; reference: string },
  to: 'released' | 'captured',
): Promise<CreditHold | null> {
  const userId = userIdOf(input.userId);
  const reference = holdReference(input.reference, true);
  return em.transactional(async (tx) => {
    await lockAccount(tx, userId);
    const hold = await findHold(tx, 'user_id = ? and reference = ?', [userId, reference]);
    if (!hold || hold.status === to) return hold;
    if (hold.status !== 'held') throw conflict(`This hold is already ${hold.status}`, 'reference');
    try {
      return await settle(tx, { userId, holdId: hold.id }, to, { byService: true });
    } catch (error) {
      // Settled by id meanwhile (a GraphQL mutation does not take the account's lock).
      if (!(error instanceof UserError) || error.extensions.code !== ErrorCode.Conflict) throw error;
      const now = await findHold(tx, 'id = ?', [hold.id]);
      if (now?.status === to) return now;
      throw conflict(`This hold is already ${now?.status ?? 'settled'}`, 'reference');
    }
  });
}

/** Releases the user's hold for `reference`; idempotent (see settleByReference). */
export const releaseHoldByReference = (em: EntityManager, input: { userId: string; reference: string }) =>
  settleByReference(em, input, 'released');

/** Captures the user's hold for `reference`; idempotent (see settleByReference). */
export const captureHoldByReference = (em: EntityManager, input: { userId: string; reference: string }) =>
  settleByReference(em, input, 'captured');
