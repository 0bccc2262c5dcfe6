import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { CreditLedgerEntry } from '../../entities';
import { ACCOUNT, type AccountRow, balanceOf, type CreditBalance, readBalance } from './store';

/** The user's credits: zeros when they never had any. */
export const creditBalance = (em: EntityManager, userId: string): Promise<CreditBalance> =>
  readBalance(em, userId);

/** The credits of many users in one statement, in the order of `userIds` (a DataLoader's batch). */
export async function creditAccountsByUser(
  em: EntityManager,
  userIds: readonly string[],
): Promise<CreditBalance[]> {
  const distinct = [...new Set(userIds)];
  if (distinct.length === 0) return [];
  const rows = await em.execute<Array<AccountRow & { user_id: string }>>(
    `select user_id, subscription, purchased, held from ${ACCOUNT}
     where user_id in (${distinct.map(() => '?').join(', ')})`,
    distinct,
  );
  const byUser = new Map(rows.map((row) => [row.user_id, row]));
  return userIds.map((userId) => balanceOf(userId, byUser.get(userId)));
}

/** One page of the user's credit movements, newest first (keyset on createdAt, id). */
export const creditLedger = (
  em: EntityManager,
  userId: string,
  args: PageArgs,
): Promise<Connection<CreditLedgerEntry>> =>
  paginate(em, CreditLedgerEntry, { userId }, args, { orderBy: ['createdAt', 'id'], direction: 'desc' });
