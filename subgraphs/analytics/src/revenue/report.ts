import type { EntityManager } from '@mikro-orm/postgresql';
import type { DayRange } from '../service/ranges';
import type { Money } from './money';

/** What `Query.revenue` asks: its fields read `daily_revenue` only when selected. */
export interface RevenueQuery {
  range: DayRange;
  /** Lower case; null for every currency. */
  currency: string | null;
}

/** Gross, refunds and net in one currency (`net = gross - refunds`, negative when refunds win). */
export interface RevenueFigures {
  currency: string;
  gross: Money;
  refunds: Money;
  net: Money;
}

export interface RevenuePoint extends RevenueFigures {
  date: string;
}

export interface PlanRevenue extends RevenueFigures {
  plan: string | null;
}

interface Row {
  currency: string;
  gross: string;
  refunds: string;
  net: string;
}

const figures = ({ currency, gross, refunds, net }: Row): RevenueFigures => ({
  currency,
  gross: { currency, amount: gross },
  refunds: { currency, amount: refunds },
  net: { currency, amount: net },
});

// The currencies a report covers: the one asked for (even without revenue: it reads 0),
// else every currency with revenue in the range.
const CURRENCIES = `select ?::varchar as currency where ?::varchar is not null
  union
  select distinct currency from analytics.daily_revenue
  where ?::varchar is null and day between ?::date and ?::date`;
const currencyParams = ({ range, currency }: RevenueQuery) => [
  currency,
  currency,
  currency,
  range.from,
  range.to,
];

const SUMS = `coalesce(sum(r.gross), 0)::text as gross, coalesce(sum(r.refunds), 0)::text as refunds,
  coalesce(sum(r.net), 0)::text as net`;

/** Per currency over the range, by currency (one statement). */
export async function revenueTotals(em: EntityManager, query: RevenueQuery): Promise<RevenueFigures[]> {
  const rows = await em.execute<Row[]>(
    `select c.currency, ${SUMS}
     from (${CURRENCIES}) c
     left join analytics.daily_revenue r on r.currency = c.currency and r.day between ?::date and ?::date
     group by c.currency order by c.currency`,
    [...currencyParams(query), query.range.from, query.range.to],
  );
  return rows.map(figures);
}

/** Per day of the range and currency, 0 on days without revenue, oldest first (one statement). */
export async function revenueOverTime(em: EntityManager, query: RevenueQuery): Promise<RevenuePoint[]> {
  const rows = await em.execute<Array<Row & { date: string }>>(
    `select to_char(days.day, 'YYYY-MM-DD') as date, c.currency, ${SUMS}
     from generate_series(?::date, ?::date, interval '1 day') days(day)
     cross join (${CURRENCIES}) c
     left join analytics.daily_revenue r on r.day = days.day and r.currency = c.currency
     group by days.day, c.currency order by days.day, c.currency`,
    [query.range.from, query.range.to, ...currencyParams(query)],
  );
  return rows.map((row) => ({ date: row.date, ...figures(row) }));
}

/**
 * Per plan and currency over the range (plan null: payments for no plan, and refunds of
 * payments analytics never saw), by currency, then net from highest (one statement).
 */
export async function revenueByPlan(em: EntityManager, query: RevenueQuery): Promise<PlanRevenue[]> {
  const rows = await em.execute<Array<Row & { plan: string | null }>>(
    `select r.plan, r.currency, ${SUMS}
     from analytics.daily_revenue r
     where r.day between ?::date and ?::date and (?::varchar is null or r.currency = ?)
     group by r.plan, r.currency
     order by r.currency, sum(r.net) desc, r.plan nulls last`,
    [query.range.from, query.range.to, query.currency, query.currency],
  );
  return rows.map(({ plan, ...row }) => ({ plan, ...figures(row) }));
}
