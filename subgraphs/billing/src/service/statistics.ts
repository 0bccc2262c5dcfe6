import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import type { PaymentStatus, SubscriptionStatus } from '../entities';

/**
 * Payment totals per status and currency (sums in minor units, exact: bigint sums read as
 * strings and converted once), and live subscriptions per plan and status.
 */
export async function billingStatistics(em: EntityManager, range: { from?: Date | null; to?: Date | null }) {
  if (range.from && range.to && range.from >= range.to) throw badUserInput('from: must be before to', 'from');
  const payments = await em.execute<
    Array<{ status: PaymentStatus; currency: string; count: string; amount: string; refunded: string }>
  >(
    `select status, currency, count(*) as count, sum(amount) as amount, sum(amount_refunded) as refunded
       from billing.payment
      where (?::timestamptz is null or created_at >= ?) and (?::timestamptz is null or created_at < ?)
      group by status, currency order by status, currency`,
    [range.from ?? null, range.from ?? null, range.to ?? null, range.to ?? null],
  );
  const subscriptions = await em.execute<Array<{ plan: string; status: SubscriptionStatus; count: string }>>(
    `select plan, status, count(*) as count from billing.plan_subscription
      where live or status = 'canceled' group by plan, status order by plan, status`,
  );
  return {
    payments: payments.map((row) => ({
      status: row.status,
      currency: row.currency,
      count: Number(row.count),
      amount: safeInteger(row.amount),
      refunded: safeInteger(row.refunded),
    })),
    subscriptions: subscriptions.map((row) => ({
      plan: row.plan,
      status: row.status,
      count: Number(row.count),
    })),
  };
}

function safeInteger(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`sum ${value} exceeds 2^53`);
  return number;
}
