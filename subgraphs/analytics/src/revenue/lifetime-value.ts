import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import { type Connection, decodeCursor, encodeCursor, type PageArgs, pageSize } from '@lattice/subgraph-kit';
import type { Money } from './money';

/** Customer lifetime value in one currency: `topCustomers` reads its page when selected. */
export interface LifetimeValueSummary {
  currency: string;
  /** Users who paid at least once in the currency. */
  customers: number;
  /** Their net payments (gross minus refunded), summed. */
  total: Money;
  /** `total / customers`, rounded to the nearest minor unit (halves away from zero). */
  average: Money;
}

/** One customer's lifetime payments in one currency. */
export interface CustomerValue {
  userId: string;
  gross: Money;
  refunded: Money;
  net: Money;
  firstPaidAt: Date;
  lastPaidAt: Date;
}

/** Per currency (by code), over customers who paid at least once (one statement). */
export async function lifetimeValues(
  em: EntityManager,
  currency: string | null,
): Promise<LifetimeValueSummary[]> {
  const rows = await em.execute<
    Array<{ currency: string; customers: number; total: string; average: string }>
  >(
    `select currency, count(*)::int as customers, sum(net)::text as total,
            round(sum(net)::numeric / count(*))::text as average
     from analytics.customer_revenue
     where gross > 0 and (?::varchar is null or currency = ?)
     group by currency order by currency`,
    [currency, currency],
  );
  if (currency && !rows.length) rows.push({ currency, customers: 0, total: '0', average: '0' });
  return rows.map(({ currency: code, customers, total, average }) => ({
    currency: code,
    customers,
    total: { currency: code, amount: total },
    average: { currency: code, amount: average },
  }));
}

const INTEGER = /^-?\d+$/;

/** `(net, user id)` of a cursor made for this list. */
function decodeValueCursor(cursor: string): [string, string] {
  const [net, userId] = decodeCursor(cursor, 2);
  if (typeof net === 'string' && INTEGER.test(net) && typeof userId === 'string') return [net, userId];
  throw badUserInput('after: not a cursor returned by this list', 'after');
}

/**
 * Customers of one currency by lifetime value (net), highest first, ties by user id: keyset
 * pagination on `(net desc, user id asc)` over `customer_revenue_ranking_index`, one statement
 * per page.
 */
export async function topCustomers(
  em: EntityManager,
  currency: string,
  args: PageArgs,
): Promise<Connection<CustomerValue>> {
  const first = pageSize(args);
  const after = args.after ? decodeValueCursor(args.after) : undefined;
  const rows = await em.execute<
    Array<{
      userId: string;
      gross: string;
      refunded: string;
      net: string;
      firstPaidAt: Date;
      lastPaidAt: Date;
    }>
  >(
    `select user_id as "userId", gross::text, refunded::text, net::text,
            first_paid_at as "firstPaidAt", last_paid_at as "lastPaidAt"
     from analytics.customer_revenue
     where currency = ? and gross > 0
     ${after ? 'and (net < ?::bigint or (net = ?::bigint and user_id > ?))' : ''}
     order by net desc, user_id asc
     limit ?`,
    [currency, ...(after ? [after[0], after[0], after[1]] : []), first + 1],
  );
  const edges = rows.slice(0, first).map(({ gross, refunded, net, ...row }) => ({
    node: {
      ...row,
      gross: { currency, amount: gross },
      refunded: { currency, amount: refunded },
      net: { currency, amount: net },
    },
    cursor: encodeCursor([net, row.userId]),
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
