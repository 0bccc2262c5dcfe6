import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import { type Connection, decodeCursor, encodeCursor, type PageArgs, pageSize } from '@lattice/subgraph-kit';
import type { DayRange } from './ranges';

export interface UserActivity {
  userId: string;
  events: number;
}

/** `(events, user id)` of a cursor made for this list. */
function decodeTopCursor(cursor: string): [number, string] {
  const [events, userId] = decodeCursor(cursor, 2);
  if (Number.isInteger(events) && typeof userId === 'string') return [events as number, userId];
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
  const first = pageSize(args);
  const after = args.after ? decodeTopCursor(args.after) : undefined;
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
  const edges = rows
    .slice(0, first)
    .map((node) => ({ node, cursor: encodeCursor([node.events, node.userId]) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
