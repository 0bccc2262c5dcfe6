import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import {
  badUserInput,
  forbidden,
  notFound,
  roleAtLeast,
  validateInput,
  type Viewer,
} from '@lattice/server-kit';
import type Stripe from 'stripe';
import { z } from 'zod';
import { Payment, type PaymentPurpose, Refund, type RefundReason } from '../entities';
import type { BillingRuntime } from '../runtime';
import { fromStripe } from './stripe/errors';

const refundInput = z.object({
  paymentId: z.uuid(),
  amount: z.number().int().min(1).nullish(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']),
});

const DAY_MS = 86_400_000;
/** Purposes whose payment delivers something (`fulfil`) that a refund does not take back. */
const DELIVERED: ReadonlySet<PaymentPurpose> = new Set(['credits', 'membership']);

/**
 * Refunds all or part of what remains of a payment. The payment is locked meanwhile, so two
 * refunds at once cannot together return more than was paid (and Stripe would refuse too).
 * Admins refund any payment; users their own within REFUND_WINDOW_DAYS of paying, except
 * purchases of credits or a membership already delivered.
 */
export async function refundPayment(
  em: EntityManager,
  runtime: BillingRuntime,
  viewer: Viewer,
  rawInput: unknown,
): Promise<Refund> {
  const input = validateInput(refundInput, rawInput, 'input');
  return em.transactional(async (tx) => {
    const payment = await tx.findOne(
      Payment,
      { id: input.paymentId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const admin = roleAtLeast(viewer.role, 'admin');
    if (!payment || (!admin && payment.userId !== viewer.id)) throw notFound('No such payment');
    if (payment.status !== 'succeeded')
      throw badUserInput('input.paymentId: only a succeeded payment can be refunded', 'input.paymentId');
    if (!admin) {
      const paidAt = payment.succeededAt ?? payment.createdAt;
      if (Date.now() - paidAt.getTime() > runtime.settings.REFUND_WINDOW_DAYS * DAY_MS) {
        throw forbidden(
          `Payments can be refunded within ${runtime.settings.REFUND_WINDOW_DAYS} days; ask support`,
        );
      }
      // The money back and the credits or membership kept: support decides what to take back.
      if (payment.fulfilledAt && DELIVERED.has(payment.purpose)) {
        throw forbidden(`This payment bought ${payment.purpose} you already have; ask support to refund it`);
      }
    }
    const remaining = payment.amount - payment.amountRefunded;
    const amount = input.amount ?? remaining;
    if (remaining <= 0)
      throw badUserInput('input.paymentId: the payment is already fully refunded', 'input.paymentId');
    if (amount > remaining)
      throw badUserInput(`input.amount: at most ${remaining} remains to refund`, 'input.amount');
    const refund = await fromStripe(
      () =>
        runtime.stripe.stripe.refunds.create(
          {
            payment_intent: payment.stripePaymentIntentId,
            amount,
            reason: input.reason,
            metadata: { paymentId: payment.id },
          },
          // Derived from what was refunded before: a retry of this same refund meets the same Stripe refund.
          { idempotencyKey: `lattice:refund:${payment.id}:${payment.amountRefunded}:${amount}` },
        ),
      // Refunded in Stripe (its dashboard) and not yet known here: Stripe says what remains.
      { amount: 'input.amount', charge_already_refunded: 'input.paymentId' },
    );
    return recordRefund(tx, payment, refund, input.reason);
  });
}

/** Records a Stripe refund of a payment once (by its id), and what the payment has returned. */
export async function recordRefund(
  em: EntityManager,
  payment: Payment,
  refund: Stripe.Refund,
  reason: RefundReason,
): Promise<Refund> {
  const existing = await em.findOne(Refund, { stripeRefundId: refund.id });
  if (existing) return existing;
  const row = em.create(Refund, {
    paymentId: payment.id,
    userId: payment.userId,
    stripeRefundId: refund.id,
    amount: refund.amount,
    currency: refund.currency,
    reason,
    status: refund.status ?? 'succeeded',
  });
  payment.amountRefunded = Math.min(payment.amount, payment.amountRefunded + refund.amount);
  recordEvent(
    em,
    createEvent('billing.refund_issued', {
      actor: null,
      subject: payment.id,
      data: {
        userId: payment.userId,
        paymentId: payment.id,
        refundId: row.id,
        amount: refund.amount,
        currency: refund.currency,
        reason,
      },
    }),
  );
  await em.flush();
  return row;
}

/**
 * A `charge.refunded` webhook: refunds made elsewhere (Stripe's dashboard) are recorded too.
 * False when the charge is of no Lattice payment.
 */
export async function applyChargeRefunds(em: EntityManager, charge: Stripe.Charge): Promise<boolean> {
  const intentId =
    typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!intentId) return false;
  return em.transactional(async (tx) => {
    const payment = await tx.findOne(
      Payment,
      { stripePaymentIntentId: intentId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!payment) return false;
    for (const refund of charge.refunds?.data ?? []) {
      await recordRefund(tx, payment, refund, reasonOf(refund.reason));
    }
    return true;
  });
}

const reasonOf = (reason: string | null): RefundReason =>
  reason === 'duplicate' || reason === 'fraudulent' ? reason : 'requested_by_customer';

export function refundsOf(em: EntityManager, paymentIds: readonly string[]): Promise<Refund[]> {
  return em.find(Refund, { paymentId: { $in: [...paymentIds] } }, { orderBy: { createdAt: 'asc' } });
}
