import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';

/** Arguments of every paginated field: `first` items after the `after` cursor. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface PageOptions<T> {
  /**
   * Sort keys, most significant first; the last one must be unique (an id) so the order is
   * total. All keys sort in one direction.
   */
  orderBy: Array<keyof T & string>;
  direction?: 'asc' | 'desc';
  defaultFirst?: number;
  maxFirst?: number;
}

export type CursorValue = string | number | boolean | null;

/** An opaque cursor holding a row's sort-key values. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The sort-key values of a cursor made by `encodeCursor`; BAD_USER_INPUT on `after` otherwise. */
export function decodeCursor(cursor: string, length: number): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values as CursorValue[];
  } catch {
    // fall through: the cursor is not one of ours
  }
  throw notOurCursor();
}

const notOurCursor = () => badUserInput('after: not a cursor returned by this list', 'after');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID: ids are checked before they reach a uuid column (which would throw). */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * How cursors spell an instant (`toISOString`), within the years PostgreSQL holds: `Date.parse`
 * alone reads `0`, `2030` or `+275760-09-13T…`, which the database then refuses with an
 * internal error.
 */
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Whether a decoded cursor value can be compared with its column (a forged one may not). */
function fitsColumn(type: string | undefined, value: CursorValue): boolean {
  switch (type?.toLowerCase()) {
    case 'datetime':
      return typeof value === 'string' && INSTANT.test(value);
    case 'date':
      return (
        typeof value === 'string' &&
        /^(?!0000)\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(Date.parse(value))
      );
    case 'uuid':
      return typeof value === 'string' && isUuid(value);
    case 'integer':
    case 'smallint':
    case 'bigint':
    case 'number':
    case 'float':
    case 'double':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return typeof value === 'string';
  }
}

/** The page size `first` asks for, within 0..maxFirst (BAD_USER_INPUT otherwise). */
export function pageSize(
  args: PageArgs,
  { defaultFirst = 20, maxFirst = 100 }: { defaultFirst?: number; maxFirst?: number } = {},
): number {
  const first = args.first ?? defaultFirst;
  if (!Number.isInteger(first) || first < 0 || first > maxFirst) {
    throw badUserInput(`first: must be between 0 and ${maxFirst}`, 'first');
  }
  return first;
}

const toCursorValue = (value: unknown): CursorValue =>
  value instanceof Date ? value.toISOString() : (value as CursorValue);

/**
 * Keyset pagination: `(k1, k2, …) > (v1, v2, …)` expanded for MikroORM, so a page costs one
 * indexed query however deep it is (no OFFSET). Fetches one extra row to know whether
 * another page follows.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  options: PageOptions<T>,
): Promise<Connection<T>> {
  const { orderBy, direction = 'asc' } = options;
  const first = pageSize(args, options);
  const conditions: FilterQuery<T>[] = [where];
  if (args.after) {
    const values = decodeCursor(args.after, orderBy.length);
    const { properties } = em.getMetadata(entity);
    orderBy.forEach((key, i) => {
      if (!fitsColumn(properties[key as keyof typeof properties]?.type, values[i] ?? null))
        throw notOurCursor();
    });
    const after = direction === 'asc' ? '$gt' : '$lt';
    // (k1 > v1) OR (k1 = v1 AND k2 > v2) OR …
    const alternatives = orderBy.map((key, i) => ({
      ...Object.fromEntries(orderBy.slice(0, i).map((prefix, j) => [prefix, values[j]])),
      [key]: { [after]: values[i] },
    }));
    conditions.push({ $or: alternatives } as FilterQuery<T>);
  }
  const rows = await em.find(entity, { $and: conditions } as FilterQuery<T>, {
    orderBy: Object.fromEntries(orderBy.map((key) => [key, direction])) as never,
    limit: first + 1,
  });
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({
    node,
    cursor: encodeCursor(orderBy.map((key) => toCursorValue(node[key]))),
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
