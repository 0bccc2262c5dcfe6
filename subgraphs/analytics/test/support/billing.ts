import { randomUUID } from 'node:crypto';
import type { EventData } from '@lattice/events';
import { event } from './events';

/** A payment of `userId` that succeeded at `occurredAt` (billing publishes it: no actor). */
export function payment(
  userId: string,
  amount: number,
  currency: string,
  occurredAt: string,
  options: { plan?: string | null; paymentId?: string } = {},
) {
  const data: EventData<'billing.payment_succeeded'> = {
    userId,
    paymentId: options.paymentId ?? `pi_${randomUUID()}`,
    amount,
    currency,
    purpose: options.plan ? 'subscription' : 'credits',
    plan: options.plan ?? null,
  };
  return event('billing.payment_succeeded', data, { actor: null, subject: data.paymentId, occurredAt });
}

/** A refund of (part of) `paymentId`, issued at `occurredAt`. */
export function refund(
  userId: string,
  paymentId: string,
  amount: number,
  currency: string,
  occurredAt: string,
) {
  const data: EventData<'billing.refund_issued'> = {
    userId,
    paymentId,
    refundId: `re_${randomUUID()}`,
    amount,
    currency,
    reason: 'requested_by_customer',
  };
  return event('billing.refund_issued', data, { actor: null, subject: data.refundId, occurredAt });
}

/** `userId`'s subscription is now `toPlan`, bringing `monthlyAmount` a month. */
export function planChange(
  userId: string,
  change: EventData<'billing.plan_changed'>['change'],
  toPlan: string,
  monthlyAmount: number,
  currency: string,
  occurredAt: string,
) {
  return event(
    'billing.plan_changed',
    {
      userId,
      change,
      fromPlan: 'previous',
      toPlan,
      status: monthlyAmount ? 'active' : 'canceled',
      monthlyAmount,
      currency,
    },
    { actor: userId, subject: userId, occurredAt },
  );
}
