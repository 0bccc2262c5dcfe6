import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit, now } from '../context';
import { invalidRequest, StripeApiError, unexpectedState } from '../core/errors';
import { newId, newSecret } from '../core/ids';
import { formatAmount, MAXIMUM_CHARGE, minimumCharge } from '../core/money';
import { toWire } from '../core/wire';
import { declineOf, paymentMethodFor, type Decline } from './cards';
import { createCharge } from './charges';

export interface PaymentIntentInput {
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string | null;
  description: string | null;
  metadata: Record<string, string>;
  receiptEmail?: string | null;
  automaticPaymentMethods?: Stripe.PaymentIntent.AutomaticPaymentMethods | null;
  setupFutureUsage?: Stripe.PaymentIntent.SetupFutureUsage | null;
}

export type ChargeOutcome =
  { succeeded: true; charge: Stripe.Charge } | { succeeded: false; charge: Stripe.Charge; decline: Decline };

export function validateCurrency(currency: string, param = 'currency'): string {
  if (!/^[a-z]{3}$/.test(currency)) {
    throw invalidRequest(
      `Invalid currency: ${currency}. Stripe currently supports these currencies: usd, eur, gbp, …`,
      { param },
    );
  }
  return currency;
}

export function validateChargeAmount(amount: number, currency: string): void {
  const minimum = minimumCharge(currency);
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, {
      code: 'amount_too_small',
      param: 'amount',
    });
  }
  if (amount > MAXIMUM_CHARGE) {
    throw invalidRequest(`Amount must be no more than ${formatAmount(MAXIMUM_CHARGE, currency)}`, {
      code: 'amount_too_large',
      param: 'amount',
    });
  }
}

export function createPaymentIntent(ctx: Ctx, input: PaymentIntentInput): Stripe.PaymentIntent {
  validateCurrency(input.currency);
  validateChargeAmount(input.amount, input.currency);
  const id = newId('pi');
  const intent: Stripe.PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: input.automaticPaymentMethods ?? null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_${newSecret('secret', 25)}`,
    confirmation_method: 'automatic',
    created: now(ctx),
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail ?? null,
    review: null,
    setup_future_usage: input.setupFutureUsage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: input.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    transfer_group: null,
  };
  ctx.sim.store.insert('payment_intent', intent);
  emit(ctx, 'payment_intent.created', intent);
  return intent;
}

/**
 * One payment attempt: a charge on the intent's payment method (or `paymentMethod`), which
 * succeeds or is declined as the test card says. Declines are an outcome, not an error here:
 * API handlers turn them into 402s (`cardError`), invoices record them.
 */
export function confirmPaymentIntent(
  ctx: Ctx,
  intent: Stripe.PaymentIntent,
  paymentMethod?: string,
): ChargeOutcome {
  if (intent.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
      'payment_intent_unexpected_state',
    );
  }
  if (intent.status === 'canceled') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has a status of canceled. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_action, requires_payment_method.',
      'payment_intent_unexpected_state',
    );
  }
  const methodId =
    paymentMethod ?? (typeof intent.payment_method === 'string' ? intent.payment_method : null);
  if (!methodId) throw missingPaymentMethod();
  const method = paymentMethodFor(ctx, methodId, 'payment_method');
  intent.payment_method = method.id;

  const decline = declineOf(method);
  const charge = createCharge(ctx, intent, method, decline);
  intent.latest_charge = charge.id;
  if (!decline) {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    emit(ctx, 'charge.succeeded', charge);
    emit(ctx, 'payment_intent.succeeded', intent);
    return { succeeded: true, charge };
  }
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.last_payment_error = {
    type: 'card_error',
    charge: charge.id,
    code: decline.code,
    decline_code: decline.decline_code,
    doc_url: `https://docs.stripe.com/error-codes/${decline.code.replace(/_/g, '-')}`,
    message: decline.message,
    payment_method: toWire(method),
  };
  emit(ctx, 'charge.failed', charge);
  emit(ctx, 'payment_intent.payment_failed', intent);
  return { succeeded: false, charge, decline };
}

function missingPaymentMethod(): StripeApiError {
  return invalidRequest(
    "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent, specify a payment method with the `payment_method` parameter.",
    { code: 'payment_intent_unexpected_state', param: 'payment_method' },
  );
}

/** The 402 Stripe answers a declined confirmation with: the decline and the intent as it is now. */
export function cardError(
  intent: Stripe.PaymentIntent,
  charge: Stripe.Charge,
  decline: Decline,
): StripeApiError {
  return new StripeApiError(402, {
    type: 'card_error',
    code: decline.code,
    decline_code: decline.decline_code,
    message: decline.message,
    charge: charge.id,
    payment_intent: toWire(intent),
  });
}

export function cancelPaymentIntent(
  ctx: Ctx,
  intent: Stripe.PaymentIntent,
  reason: Stripe.PaymentIntent.CancellationReason | null,
): void {
  if (intent.status === 'succeeded' || intent.status === 'canceled') {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
      'payment_intent_unexpected_state',
    );
  }
  intent.status = 'canceled';
  intent.canceled_at = now(ctx);
  intent.cancellation_reason = reason;
  emit(ctx, 'payment_intent.canceled', intent);
}
