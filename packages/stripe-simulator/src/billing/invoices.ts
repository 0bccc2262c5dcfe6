import Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit, now } from '../context';
import { newId } from '../core/ids';
import { discountAmounts, type CouponUse } from './discounts';
import type { LineDraft } from './state';

export interface InvoiceSpec {
  subscription: Stripe.Subscription;
  reason: Stripe.Invoice.BillingReason;
  lines: LineDraft[];
  /** The invoice's period: like Stripe, the one just ended for renewals, the instant of creation otherwise. */
  period: { start: number; end: number };
  discounts: CouponUse[];
}

function lineItem(
  line: LineDraft,
  invoice: string,
  subscription: string,
  discounts: { discount: string; amount: number }[],
): Stripe.InvoiceLineItem {
  const product = typeof line.price.product === 'string' ? line.price.product : line.price.product.id;
  return {
    id: newId('il'),
    object: 'line_item',
    amount: line.amount,
    currency: line.price.currency,
    description: line.description,
    discount_amounts: discounts,
    discountable: true,
    discounts: discounts.map((entry) => entry.discount),
    invoice,
    livemode: false,
    metadata: {},
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: line.proration ? newId('ii') : null,
        proration: line.proration,
        proration_details: { credited_items: null },
        subscription,
        subscription_item: line.subscriptionItem,
      },
      type: 'subscription_item_details',
    },
    period: line.period,
    pretax_credit_amounts: discounts.map((entry) => ({ ...entry, type: 'discount' })),
    pricing: {
      price_details: { price: line.price.id, product },
      type: 'price_details',
      unit_amount_decimal: Stripe.Decimal.from(String(line.price.unit_amount ?? 0)),
    },
    quantity: line.quantity,
    quantity_decimal: Stripe.Decimal.from(String(line.quantity)),
    subscription,
    subtotal: line.amount,
    taxes: [],
  };
}

/** An invoice of a subscription's lines, discounts applied, as a draft; neither stored nor announced. */
export function buildInvoice(ctx: Ctx, spec: InvoiceSpec): Stripe.Invoice {
  const { subscription } = spec;
  const customer = ctx.sim.store.get('customer', subscription.customer as string);
  const id = newId('in');
  const currency = subscription.currency;
  const taken = discountAmounts(
    spec.lines.map((line) => line.amount),
    spec.discounts,
    currency,
  );
  const lines = spec.lines.map((line, index) =>
    lineItem(
      line,
      id,
      subscription.id,
      spec.discounts
        .map((use, which) => ({ discount: use.discount, amount: taken[which]![index]! }))
        .filter((entry) => entry.amount !== 0),
    ),
  );
  const subtotal = spec.lines.reduce((sum, line) => sum + line.amount, 0);
  const totalDiscounts = spec.discounts.map((use, which) => ({
    amount: taken[which]!.reduce((sum, amount) => sum + amount, 0),
    discount: use.discount,
  }));
  const total = subtotal - totalDiscounts.reduce((sum, entry) => sum + entry.amount, 0);
  return {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'Stripe simulator',
    account_tax_ids: null,
    amount_due: Math.max(0, total),
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: Math.max(0, total),
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: spec.reason,
    collection_method: subscription.collection_method,
    created: now(ctx),
    currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: spec.discounts.map((use) => use.discount),
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: {
      quote_details: null,
      subscription_details: { metadata: { ...subscription.metadata }, subscription: subscription.id },
      type: 'subscription_details',
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    payments: { object: 'list', data: [], has_more: false, url: `/v1/invoice_payments?invoice=${id}` },
    period_end: spec.period.end,
    period_start: spec.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal,
    subtotal_excluding_tax: subtotal,
    test_clock: null,
    total,
    total_discount_amounts: totalDiscounts,
    total_excluding_tax: total,
    total_pretax_credit_amounts: totalDiscounts.map((entry) => ({ ...entry, type: 'discount' })),
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

/**
 * Stores and announces a draft invoice (`invoice.created`). A `once` coupon is used up by the
 * first invoice with something to pay.
 */
export function recordInvoice(
  ctx: Ctx,
  invoice: Stripe.Invoice,
  subscription: Stripe.Subscription,
): Stripe.Invoice {
  const { store, billing } = ctx.sim;
  store.insert('invoice', invoice);
  if (invoice.subtotal > 0) {
    for (const id of invoice.discounts) {
      if (typeof id === 'string' && billing.couponOfDiscount.get(id)?.duration === 'once') {
        billing.usedDiscounts.add(id);
      }
    }
  }
  subscription.latest_invoice = invoice.id;
  emit(ctx, 'invoice.created', invoice);
  return invoice;
}

/** What the customer would owe for this invoice after their balance (credit is negative). */
export function amountDueAfterBalance(ctx: Ctx, invoice: Stripe.Invoice): number {
  const customer = ctx.sim.store.get('customer', invoice.customer as string);
  return Math.max(0, invoice.total + customer.balance);
}

/**
 * Finalizes a draft: numbered, the customer's balance applied (a credit lowers what is due, a
 * negative total becomes credit), open for payment.
 */
export function finalizeInvoice(ctx: Ctx, invoice: Stripe.Invoice): void {
  const customer = ctx.sim.store.get('customer', invoice.customer as string);
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  invoice.number = `${customer.invoice_prefix}-${String(sequence).padStart(4, '0')}`;
  invoice.starting_balance = customer.balance;
  const owed = invoice.total + customer.balance;
  invoice.amount_due = Math.max(0, owed);
  invoice.amount_remaining = invoice.amount_due;
  invoice.ending_balance = Math.min(0, owed);
  customer.balance = invoice.ending_balance;
  invoice.status = 'open';
  invoice.effective_at = now(ctx);
  invoice.status_transitions.finalized_at = now(ctx);
  invoice.hosted_invoice_url = `${ctx.sim.baseUrl()}/invoices/${invoice.id}`;
  invoice.invoice_pdf = `${ctx.sim.baseUrl()}/invoices/${invoice.id}/pdf`;
  emit(ctx, 'invoice.finalized', invoice);
}

export function markInvoicePaid(ctx: Ctx, invoice: Stripe.Invoice): void {
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.status = 'paid';
  invoice.status_transitions.paid_at = now(ctx);
  invoice.next_payment_attempt = null;
  emit(ctx, 'invoice.paid', invoice);
  emit(ctx, 'invoice.payment_succeeded', invoice);
}

export function voidInvoice(ctx: Ctx, invoice: Stripe.Invoice): void {
  invoice.status = 'void';
  invoice.amount_remaining = 0;
  invoice.status_transitions.voided_at = now(ctx);
  emit(ctx, 'invoice.voided', invoice);
}

export function markInvoiceUncollectible(ctx: Ctx, invoice: Stripe.Invoice): void {
  invoice.status = 'uncollectible';
  invoice.status_transitions.marked_uncollectible_at = now(ctx);
  emit(ctx, 'invoice.marked_uncollectible', invoice);
}

export function subscriptionOfInvoice(ctx: Ctx, invoice: Stripe.Invoice): Stripe.Subscription | undefined {
  const id = invoice.parent?.subscription_details?.subscription;
  return typeof id === 'string' ? ctx.sim.store.find('subscription', id) : undefined;
}
