import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import { utcDay } from '../service/facts';
import { checkedMoney } from './money';

/**
 * Rolls a billing event up into revenue, on `em`'s transaction (the consumer's, with the
 * fact: a redelivered event adds nothing). Other events change nothing here.
 */
export async function recordRevenue(em: EntityManager, event: EventEnvelope): Promise<void> {
  switch (event.type) {
    case 'billing.payment_succeeded':
      return recordPayment(em, event as EventEnvelope<'billing.payment_succeeded'>);
    case 'billing.refund_issued':
      return recordRefund(em, event as EventEnvelope<'billing.refund_issued'>);
    case 'billing.plan_changed':
      return recordPlanChange(em, event as EventEnvelope<'billing.plan_changed'>);
    default:
      return;
  }
}

const at = (event: EventEnvelope) => new Date(event.occurredAt).toISOString();

/** `+amount` on the day's gross and net for its plan, and on the customer's gross. */
async function recordPayment(em: EntityManager, event: EventEnvelope<'billing.payment_succeeded'>) {
  const { userId, paymentId, plan } = event.data;
  const { amount, currency } = checkedMoney(event.type, event.data.amount, event.data.currency);
  const occurredAt = at(event);
  // Once per payment id, whatever envelope carries it.
  const { affectedRows } = await em.execute<{ affectedRows: number }>(
    `insert into analytics.revenue_entry (kind, id, payment_id, user_id, currency, plan, amount, occurred_at)
     values ('payment', ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
    [paymentId, paymentId, userId, currency, plan, amount, occurredAt],
    'run',
  );
  if (affectedRows === 0) return;
  await addToDay(em, { day: utcDay(occurredAt), currency, plan, gross: amount, refunds: 0 });
  await em.execute(
    `insert into analytics.customer_revenue
       (user_id, currency, gross, refunded, net, first_paid_at, last_paid_at)
     values (?, ?, ?, 0, ?, ?, ?)
     on conflict (user_id, currency) do update set
       gross = customer_revenue.gross + excluded.gross,
       net = customer_revenue.net + excluded.gross,
       first_paid_at = least(customer_revenue.first_paid_at, excluded.first_paid_at),
       last_paid_at = greatest(customer_revenue.last_paid_at, excluded.last_paid_at)`,
    [userId, currency, amount, amount, occurredAt, occurredAt],
    'run',
  );
}

/**
 * `+amount` on the refunds of the refund's day (for the refunded payment's plan, null when
 * that payment was never seen) and on the customer's refunded; `-amount` on both nets.
 */
async function recordRefund(em: EntityManager, event: EventEnvelope<'billing.refund_issued'>) {
  const { userId, paymentId, refundId } = event.data;
  const { amount, currency } = checkedMoney(event.type, event.data.amount, event.data.currency);
  const occurredAt = at(event);
  const inserted = await em.execute<Array<{ plan: string | null }>>(
    `insert into analytics.revenue_entry (kind, id, payment_id, user_id, currency, plan, amount, occurred_at)
     values ('refund', ?, ?, ?, ?,
             (select plan from analytics.revenue_entry where kind = 'payment' and id = ?), ?, ?)
     on conflict do nothing
     returning plan`,
    [refundId, paymentId, userId, currency, paymentId, amount, occurredAt],
  );
  if (!inserted.length) return;
  await addToDay(em, {
    day: utcDay(occurredAt),
    currency,
    plan: inserted[0]!.plan,
    gross: 0,
    refunds: amount,
  });
  await em.execute(
    `insert into analytics.customer_revenue (user_id, currency, gross, refunded, net) values (?, ?, 0, ?, ?)
     on conflict (user_id, currency) do update set
       refunded = customer_revenue.refunded + excluded.refunded,
       net = customer_revenue.net - excluded.refunded`,
    [userId, currency, amount, -amount],
    'run',
  );
}

async function addToDay(
  em: EntityManager,
  row: { day: string; currency: string; plan: string | null; gross: number; refunds: number },
) {
  await em.execute(
    `insert into analytics.daily_revenue (day, currency, plan, gross, refunds, net) values (?, ?, ?, ?, ?, ?)
     on conflict (day, currency, plan) do update set
       gross = daily_revenue.gross + excluded.gross,
       refunds = daily_revenue.refunds + excluded.refunds,
       net = daily_revenue.net + excluded.net`,
    [row.day, row.currency, row.plan, row.gross, row.refunds, row.gross - row.refunds],
    'run',
  );
}

/**
 * The user's subscription now brings `monthlyAmount` a month, unless a later change is
 * already stored (events may arrive out of order; one at the same instant still applies,
 * since the relay publishes in order).
 */
async function recordPlanChange(em: EntityManager, event: EventEnvelope<'billing.plan_changed'>) {
  const { userId, toPlan } = event.data;
  const { amount, currency } = checkedMoney(event.type, event.data.monthlyAmount, event.data.currency);
  await em.execute(
    `insert into analytics.subscription_mrr (user_id, plan, currency, monthly_amount, changed_at)
     values (?, ?, ?, ?, ?)
     on conflict (user_id) do update set
       plan = excluded.plan, currency = excluded.currency,
       monthly_amount = excluded.monthly_amount, changed_at = excluded.changed_at
     where subscription_mrr.changed_at <= excluded.changed_at`,
    [userId, toPlan, currency, amount, at(event)],
    'run',
  );
}
