import type { EntityManager } from '@mikro-orm/postgresql';
import type { Money } from './money';

export interface PlanRecurringRevenue {
  plan: string;
  amount: Money;
  subscribers: number;
}

export interface MonthlyRecurringRevenue {
  currency: string;
  amount: Money;
  subscribers: number;
  byPlan: PlanRecurringRevenue[];
}

/**
 * Monthly recurring revenue now, per currency (by code), from every subscription that brings
 * something (one statement). With `currency`, exactly that currency (0 without subscribers).
 */
export async function monthlyRecurringRevenue(
  em: EntityManager,
  currency: string | null,
): Promise<MonthlyRecurringRevenue[]> {
  const rows = await em.execute<
    Array<{ currency: string; plan: string; amount: string; subscribers: number }>
  >(
    `select currency, plan, sum(monthly_amount)::text as amount, count(*)::int as subscribers
     from analytics.subscription_mrr
     where monthly_amount > 0 and (?::varchar is null or currency = ?)
     group by currency, plan
     order by currency, sum(monthly_amount) desc, plan`,
    [currency, currency],
  );
  const byCurrency = new Map<
    string,
    { total: bigint; subscribers: number; byPlan: PlanRecurringRevenue[] }
  >();
  if (currency) byCurrency.set(currency, { total: 0n, subscribers: 0, byPlan: [] });
  for (const row of rows) {
    const entry = byCurrency.get(row.currency) ?? { total: 0n, subscribers: 0, byPlan: [] };
    entry.total += BigInt(row.amount);
    entry.subscribers += row.subscribers;
    entry.byPlan.push({
      plan: row.plan,
      amount: { currency: row.currency, amount: row.amount },
      subscribers: row.subscribers,
    });
    byCurrency.set(row.currency, entry);
  }
  return [...byCurrency].map(([code, { total, subscribers, byPlan }]) => ({
    currency: code,
    amount: { currency: code, amount: total.toString() },
    subscribers,
    byPlan,
  }));
}
