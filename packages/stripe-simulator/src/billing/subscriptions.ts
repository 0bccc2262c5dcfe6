import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit, emitChange, now } from '../context';
import { invalidRequest, StripeApiError } from '../core/errors';
import { newId } from '../core/ids';
import { minimumCharge } from '../core/money';
import { snapshot } from '../core/wire';
import { declineOf, paymentMethodFor } from '../payments/cards';
import { createDiscount, type CouponUse } from './discounts';
import {
  collectInvoice,
  defaultPaymentMethodOf,
  statusAfterCollection,
  type CollectionResult,
} from './invoice-collection';
import { amountDueAfterBalance, buildInvoice, recordInvoice } from './invoices';
import { newSubscriptionItem } from './items';
import { periodEndAfter, periodLine, productName, trialLine } from './periods';

export type PaymentBehavior =
  'allow_incomplete' | 'error_if_incomplete' | 'default_incomplete' | 'pending_if_incomplete';

export interface SubscriptionInput {
  customer: Stripe.Customer;
  items: { price: Stripe.Price; quantity: number; metadata: Record<string, string> }[];
  trialEnd: number | null;
  defaultPaymentMethod: string | null;
  coupons: Stripe.Coupon[];
  metadata: Record<string, string>;
  description: string | null;
  paymentBehavior: PaymentBehavior;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  daysUntilDue: number | null;
  cancelAtPeriodEnd: boolean;
}

/**
 * How collecting `amountDue` will end, known before anything is charged: test cards decline
 * deterministically, so a subscription's first status can be told (and `error_if_incomplete`
 * refused) before it exists.
 */
export function expectedCollection(
  ctx: Ctx,
  amountDue: number,
  currency: string,
  collectionMethod: string,
  paymentMethod: string | null,
  attempt: boolean,
): CollectionResult {
  if (amountDue === 0 || amountDue < minimumCharge(currency)) return 'paid';
  if (collectionMethod === 'send_invoice' || !attempt) return 'awaiting_payment';
  if (paymentMethod === null || declineOf(paymentMethodFor(ctx, paymentMethod))) return 'payment_failed';
  return 'paid';
}

/** The error Stripe answers `payment_behavior=error_if_incomplete` with when the payment would fail. */
export function incompletePaymentError(ctx: Ctx, paymentMethod: string | null): StripeApiError {
  if (paymentMethod === null) {
    return invalidRequest(
      'This customer has no attached payment source or default payment method. Please consider adding a default payment method.',
      { code: 'resource_missing' },
    );
  }
  const decline = declineOf(paymentMethodFor(ctx, paymentMethod))!;
  return new StripeApiError(402, { type: 'card_error', ...decline });
}

function validateItems(items: SubscriptionInput['items']): void {
  if (items.length === 0) {
    throw invalidRequest('Missing required param: items.', { code: 'parameter_missing', param: 'items' });
  }
  const [first] = items;
  for (const [index, { price }] of items.entries()) {
    if (!price.recurring) {
      throw invalidRequest(
        'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.',
        { param: `items[${index}][price]` },
      );
    }
    const recurring = first!.price.recurring!;
    if (
      price.currency !== first!.price.currency ||
      price.recurring.interval !== recurring.interval ||
      price.recurring.interval_count !== recurring.interval_count
    ) {
      throw invalidRequest('Currency and interval fields must match across all plans on this subscription.', {
        param: `items[${index}][price]`,
      });
    }
  }
}

/**
 * Creates a subscription and its first invoice: a $0 one for a trial, else the first period,
 * charged at once to the default payment method (the subscription's, else the customer's).
 */
export function createSubscription(ctx: Ctx, input: SubscriptionInput): Stripe.Subscription {
  validateItems(input.items);
  const start = now(ctx);
  const id = newId('sub');
  const firstPrice = input.items[0]!.price;
  const anchor = input.trialEnd ?? start;
  const periodEnd = input.trialEnd ?? periodEndAfter(anchor, firstPrice, start);
  const items = input.items.map((spec) => newSubscriptionItem(ctx, id, spec, { start, end: periodEnd }));
  const uses: CouponUse[] = input.coupons.map((coupon) => ({ discount: newId('di'), coupon }));
  const subscription: Stripe.Subscription = {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: anchor,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: 'included' }, type: 'flexible', updated_at: start },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: input.cancelAtPeriodEnd ? periodEnd : null,
    cancel_at_period_end: input.cancelAtPeriodEnd,
    canceled_at: input.cancelAtPeriodEnd ? start : null,
    cancellation_details: {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: input.cancelAtPeriodEnd ? 'cancellation_requested' : null,
    },
    collection_method: input.collectionMethod,
    created: start,
    currency: firstPrice.currency,
    customer: input.customer.id,
    customer_account: null,
    days_until_due: input.daysUntilDue,
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: input.description,
    discounts: uses.map((use) => use.discount),
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: { object: 'list', data: items, has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: 'off',
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: start,
    status: 'incomplete',
    test_clock: null,
    transfer_data: null,
    trial_end: input.trialEnd,
    trial_settings: {
      end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' },
    },
    trial_start: input.trialEnd === null ? null : start,
  };

  const lines = items.map((item) => {
    const spec = { id: item.id, price: item.price, quantity: item.quantity ?? 1 };
    const period = { start, end: periodEnd };
    const name = productName(ctx, item.price);
    return input.trialEnd === null ? periodLine(spec, name, period) : trialLine(spec, name, period);
  });
  const invoice = buildInvoice(ctx, {
    subscription,
    reason: 'subscription_create',
    lines,
    period: { start, end: start },
    discounts: uses,
  });
  const paymentMethod = defaultPaymentMethodOf(ctx, subscription);
  const attempt = input.paymentBehavior !== 'default_incomplete';
  const expected = expectedCollection(
    ctx,
    amountDueAfterBalance(ctx, invoice),
    invoice.currency,
    input.collectionMethod,
    paymentMethod,
    attempt,
  );
  const strict =
    input.paymentBehavior === 'error_if_incomplete' || input.paymentBehavior === 'pending_if_incomplete';
  if (strict && expected === 'payment_failed') throw incompletePaymentError(ctx, paymentMethod);

  const { store } = ctx.sim;
  store.insert('subscription', subscription);
  for (const item of items) store.insert('subscription_item', item);
  for (const use of uses) createDiscount(ctx, use, { customer: input.customer.id, subscription: id });
  subscription.latest_invoice = invoice.id;
  subscription.status =
    input.trialEnd !== null ? 'trialing' : statusAfterCollection(ctx, subscription, invoice, expected);
  emit(ctx, 'customer.subscription.created', subscription);

  const before = snapshot(subscription);
  recordInvoice(ctx, invoice, subscription);
  const result = collectInvoice(ctx, invoice, { paymentMethod, attempt });
  subscription.status = statusAfterCollection(ctx, subscription, invoice, result);
  emitChange(ctx, 'customer.subscription.updated', before, subscription);
  return subscription;
}
