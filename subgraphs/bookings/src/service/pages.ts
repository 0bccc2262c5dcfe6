import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import {
  type Connection,
  decodeCursor,
  type PageArgs,
  type PageOptions,
  paginate,
} from '@lattice/subgraph-kit';

/** How the kit's cursors spell an instant (`toISOString`), within the years PostgreSQL holds. */
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The kit's `paginate`, refusing a cursor whose instant it did not hand out: the kit takes
 * anything `Date.parse` reads (`0`, `2030`, `+275760-09-13T…`), which PostgreSQL then refuses
 * with an internal error.
 */
export function keysetPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  options: PageOptions<T>,
): Promise<Connection<T>> {
  if (args.after) {
    const values = decodeCursor(args.after, options.orderBy.length);
    const { properties } = em.getMetadata(entity);
    options.orderBy.forEach((key, i) => {
      const value = values[i];
      if (
        properties[key as keyof typeof properties]?.type === 'datetime' &&
        !(typeof value === 'string' && INSTANT.test(value))
      )
        throw badUserInput('after: not a cursor returned by this list', 'after');
    });
  }
  return paginate(em, entity, where, args, options);
}
