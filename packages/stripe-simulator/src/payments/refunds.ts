import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit, emitChange, now } from '../context';
import { invalidRequest } from '../core/errors';
import { newId } from '../core/ids';
import { formatAmount } from '../core/money';
import { snapshot } from '../core/wire';

export interface RefundInput {
  paymentIntent?: string;
  charge?: string;
  /** Minor units; what remains unrefunded when absent. */
  amount?: number;
  reason: Stripe.Refund.Reason | null;
  metadata: Record<string, string>;
}

function chargeToRefund(ctx: Ctx, input: RefundInput): Stripe.Charge {
  const { store } = ctx.sim;
  if (input.paymentIntent) {
    const intent = store.get('payment_intent', input.paymentIntent, 'payment_intent');
    if (intent.status !== 'succeeded' || typeof intent.latest_charge !== 'string') {
      throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
        param: 'payment_intent',
      });
    }
    if (input.charge && input.charge !== intent.latest_charge) {
      throw invalidRequest(`Charge ${input.charge} does not belong to PaymentIntent ${intent.id}.`, {
        param: 'charge',
      });
    }
    return store.get('charge', intent.latest_charge);
  }
  if (!input.charge) {
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      {
        code: 'parameter_missing',
      },
    );
  }
  const charge = store.get('charge', input.charge, 'charge');
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${charge.id} has not succeeded, so it cannot be refunded.`, {
      param: 'charge',
    });
  }
  return charge;
}

/** Refunds all or part of what remains of a charge; the charge records it and both are announced. */
export function createRefund(ctx: Ctx, input: RefundInput): Stripe.Refund {
  const charge = chargeToRefund(ctx, input);
  const remaining = charge.amount_captured - charge.amount_refunded;
  if (remaining <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  const amount = input.amount ?? remaining;
  if (amount <= 0) {
    throw invalidRequest('Invalid positive integer', { code: 'parameter_invalid_integer', param: 'amount' });
  }
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      { param: 'amount' },
    );
  }

  const refund: Stripe.Refund = {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: newId('txn'),
    charge: charge.id,
    created: now(ctx),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    metadata: input.metadata,
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  ctx.sim.store.insert('refund', refund);

  const before = snapshot(charge);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount_captured;
  charge.refunds?.data.unshift(refund);
  emit(ctx, 'refund.created', refund);
  emitChange(ctx, 'charge.refunded', before, charge);
  return refund;
}
