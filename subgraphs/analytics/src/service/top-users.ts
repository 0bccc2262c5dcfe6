import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import type { Connection, PageArgs } from '@lattice/subgraph-kit';
import type { DayRange } from './ranges';

export interface UserActivity {
  userId: string;
  events: number;
}

const MAX_FIRST = 100;

function encodeCursor(row: UserActivity): string {
  return Buffer.from(JSON.stringify([row.events, row.userId])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isInteger(value[0]) &&
      typeof value[1] === 'string'
    ) {
      return [value[0] as number, value[1]];
    }
  } catch {
    // fall through: the cursor is not one of ours
  }
  throw badUserInput('after: not a cursor returned by this list', 'after');
}

/**
 * Users ranked by events caused over the range, most active first, ties by id: keyset
 * pagination on `(events desc, user id asc)`, one statement per page.
 */
export async function topUsers(
  em: EntityManager,
  range: DayRange,
  args: PageArgs,
): Promise<Connection<UserActivity>> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST) {
    throw badUserInput(`first: must be between 0 and ${MAX_FIRST}`, 'first');
  }
  const after = args.after ? decodeCursor(args.after) : undefined;
  const rows = await em.execute<Array<{ userId: string; events: number }>>(
    `select user_id as "userId", sum(events)::int as events
     from analytics.daily_user_activity
     where day between ?::date and ?::date
     group by user_id
     ${after ? 'having sum(events) < ? or (sum(events) = ? and user_id > ?)' : ''}
     order by events desc, user_id asc
     limit ?`,
    [range.from, range.to, ...(after ? [after[0], after[0], after[1]] : []), first + 1],
  );
  const edges = rows.slice(0, first).map((node) => ({ node, cursor: encodeCursor(node) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
