import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit, emitChange, now } from '../context';
import { newId } from '../core/ids';
import { minimumCharge } from '../core/money';
import { snapshot } from '../core/wire';
import { confirmPaymentIntent, createPaymentIntent } from '../payments/payment-intents';
import { finalizeInvoice, markInvoicePaid, subscriptionOfInvoice } from './invoices';

export type CollectionResult = 'paid' | 'payment_failed' | 'awaiting_payment';

const DESCRIPTIONS: Record<string, string> = {
  subscription_create: 'Subscription creation',
  subscription_update: 'Subscription update',
  subscription_cycle: 'Subscription cycle',
};

/** The payment method a subscription charges: its own default, else its customer's. */
export function defaultPaymentMethodOf(ctx: Ctx, subscription: Stripe.Subscription): string | null {
  if (typeof subscription.default_payment_method === 'string') return subscription.default_payment_method;
  const customer = ctx.sim.store.find('customer', subscription.customer as string);
  const fallback = customer?.invoice_settings.default_payment_method;
  return typeof fallback === 'string' ? fallback : null;
}

/** The PaymentIntent paying an invoice: its unfinished one, else a new one for what remains. */
export function invoicePaymentIntent(ctx: Ctx, invoice: Stripe.Invoice): Stripe.PaymentIntent {
  const { store, billing } = ctx.sim;
  for (const payment of invoice.payments?.data ?? []) {
    const intent = store.find('payment_intent', payment.payment.payment_intent as string);
    if (intent && intent.status !== 'canceled' && intent.status !== 'succeeded') return intent;
  }
  const intent = createPaymentIntent(ctx, {
    amount: invoice.amount_remaining,
    currency: invoice.currency,
    customer: invoice.customer as string,
    paymentMethod: null,
    description: DESCRIPTIONS[invoice.billing_reason ?? ''] ?? null,
    metadata: {},
  });
  billing.invoiceOfPaymentIntent.set(intent.id, invoice.id);
  const payment: Stripe.InvoicePayment = {
    id: newId('inpay'),
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: invoice.amount_remaining,
    created: now(ctx),
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { payment_intent: intent.id, type: 'payment_intent' },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
  store.insert('invoice_payment', payment);
  invoice.payments?.data.push(payment);
  invoice.confirmation_secret = { client_secret: intent.client_secret!, type: 'payment_intent' };
  return intent;
}

/** Records a payment attempt's outcome on the invoice (and its invoice payment). */
export function recordPaymentOutcome(
  ctx: Ctx,
  invoice: Stripe.Invoice,
  intent: Stripe.PaymentIntent,
): 'paid' | 'payment_failed' {
  invoice.attempt_count++;
  invoice.attempted = true;
  if (intent.status !== 'succeeded') {
    emit(ctx, 'invoice.payment_failed', invoice);
    return 'payment_failed';
  }
  const payment = invoice.payments?.data.find((entry) => entry.payment.payment_intent === intent.id);
  if (payment) {
    payment.status = 'paid';
    payment.amount_paid = intent.amount_received;
    payment.status_transitions.paid_at = now(ctx);
    emit(ctx, 'invoice_payment.paid', payment);
  }
  markInvoicePaid(ctx, invoice);
  return 'paid';
}

/**
 * Finalizes a draft and collects it: nothing to pay marks it paid; below the currency's minimum
 * charge it is paid by adding the amount to the customer's balance (as Stripe does); `send_invoice`
 * leaves it open; otherwise `paymentMethod` is charged through a PaymentIntent.
 */
export function collectInvoice(
  ctx: Ctx,
  invoice: Stripe.Invoice,
  options: { paymentMethod: string | null; attempt: boolean },
): CollectionResult {
  finalizeInvoice(ctx, invoice);
  if (invoice.amount_due === 0) {
    markInvoicePaid(ctx, invoice);
    return 'paid';
  }
  if (invoice.amount_due < minimumCharge(invoice.currency)) {
    const customer = ctx.sim.store.get('customer', invoice.customer as string);
    customer.balance += invoice.amount_due;
    invoice.ending_balance = customer.balance;
    invoice.amount_due = 0;
    markInvoicePaid(ctx, invoice);
    return 'paid';
  }
  if (invoice.collection_method === 'send_invoice') return 'awaiting_payment';
  const intent = invoicePaymentIntent(ctx, invoice);
  if (!options.attempt) return 'awaiting_payment';
  if (options.paymentMethod === null) return recordPaymentOutcome(ctx, invoice, intent);
  confirmPaymentIntent(ctx, intent, options.paymentMethod);
  return recordPaymentOutcome(ctx, invoice, intent);
}

/** The status a subscription moves to once one of its invoices was collected (or not). */
export function statusAfterCollection(
  ctx: Ctx,
  subscription: Stripe.Subscription,
  invoice: Stripe.Invoice,
  result: CollectionResult,
): Stripe.Subscription.Status {
  const { status } = subscription;
  if (result === 'paid') {
    if (!['incomplete', 'past_due', 'unpaid', 'active', 'trialing'].includes(status)) return status;
    return subscription.trial_end !== null && subscription.trial_end > now(ctx) ? 'trialing' : 'active';
  }
  // Invoices sent for payment do not hold a subscription back.
  if (invoice.collection_method === 'send_invoice') return status === 'incomplete' ? 'active' : status;
  if (invoice.billing_reason === 'subscription_create') return 'incomplete';
  return status === 'active' || status === 'trialing' ? 'past_due' : status;
}

/**
 * After a PaymentIntent was confirmed through the API: when it pays an invoice, the invoice and
 * its subscription follow (a client-side confirmation of a first invoice activates the subscription).
 */
export function settleInvoicePayment(ctx: Ctx, intent: Stripe.PaymentIntent): void {
  const invoiceId = ctx.sim.billing.invoiceOfPaymentIntent.get(intent.id);
  const invoice = invoiceId ? ctx.sim.store.find('invoice', invoiceId) : undefined;
  if (!invoice || invoice.status !== 'open') return;
  const result = recordPaymentOutcome(ctx, invoice, intent);
  const subscription = subscriptionOfInvoice(ctx, invoice);
  if (!subscription) return;
  const before = snapshot(subscription);
  subscription.status = statusAfterCollection(ctx, subscription, invoice, result);
  emitChange(ctx, 'customer.subscription.updated', before, subscription);
}
