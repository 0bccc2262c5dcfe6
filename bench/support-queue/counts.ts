/** The runner's own count of the tickets each text matches (the service's tsquery, prefixQuery). */
import type { Knex } from '@mikro-orm/postgresql';
import { prefixQuery } from '@lattice/subgraph-kit';
import type { Shape } from './shapes';

/** The tickets matching each of the shape's texts, in order. */
export async function matches(knex: Knex, shape: Shape): Promise<number[]> {
  const counts: number[] = [];
  for (const text of shape.texts) {
    const number = /^#(\d+)$/.exec(text);
    const result = (await (number
      ? knex.raw('select count(*)::int as n from support.ticket where number = ?', [Number(number[1])])
      : knex.raw(
          `select count(*)::int as n from support.ticket
           where to_tsvector('simple', title || ' ' || description) @@ to_tsquery('simple', ?)`,
          [prefixQuery(text, 'text')],
        ))) as { rows: Array<{ n: number }> };
    counts.push(result.rows[0]!.n);
  }
  return counts;
}
