import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, decodeCursor, encodeCursor, isUuid, type PageArgs } from '@lattice/subgraph-kit';
import { badUserInput } from '@lattice/server-kit';
import { Activity } from '../entities';

export type ActivityPage = Connection<Activity>;

// As `toISOString` spells it, within the years PostgreSQL holds (no year 0000).
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The keyset condition of activity pages, latest first on (created_at, id) of `alias`: empty
 * without `after`, BAD_USER_INPUT for a cursor this list did not make.
 */
export function afterCursor(page: PageArgs, alias: string): { sql: string; params: unknown[] } {
  if (!page.after) return { sql: '', params: [] };
  const [at, id] = decodeCursor(page.after, 2);
  if (
    typeof at !== 'string' ||
    !INSTANT.test(at) ||
    Number.isNaN(Date.parse(at)) ||
    typeof id !== 'string' ||
    !isUuid(id)
  )
    throw badUserInput('after: not a cursor returned by this list', 'after');
  return { sql: `and (${alias}.created_at, ${alias}.id) < (?, ?)`, params: [new Date(at), id] };
}

/** A page of activities from `first + 1` rows (the extra one tells whether another page follows). */
export function pageOf(em: EntityManager, rows: Array<Record<string, unknown>>, first: number): ActivityPage {
  const edges = rows.slice(0, first).map((row) => {
    const node = em.map(Activity, row);
    return { node, cursor: encodeCursor([node.createdAt.toISOString(), node.id]) };
  });
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
