import type Stripe from 'stripe';
import {
  defaultPaymentMethodOf,
  invoicePaymentIntent,
  settleInvoicePayment,
} from '../billing/invoice-collection';
import { finalizeInvoice, markInvoicePaid, subscriptionOfInvoice, voidInvoice } from '../billing/invoices';
import type { Ctx } from '../context';
import { invalidRequest } from '../core/errors';
import { paginate } from '../http/list';
import { route, type ApiRequest } from '../http/routes';
import { cardError, confirmPaymentIntent } from '../payments/payment-intents';

const STATUSES = ['draft', 'open', 'paid', 'uncollectible', 'void'] as const;

function subscriptionIdOf(invoice: Stripe.Invoice): string | undefined {
  const id = invoice.parent?.subscription_details?.subscription;
  return typeof id === 'string' ? id : undefined;
}

function list(ctx: Ctx, { params }: ApiRequest) {
  const customer = params.string('customer');
  const subscription = params.string('subscription');
  const status = params.enum('status', STATUSES);
  const collectionMethod = params.enum('collection_method', ['charge_automatically', 'send_invoice']);
  return paginate(ctx.sim.store.all('invoice'), params, {
    url: '/v1/invoices',
    objectName: 'invoice',
    filter: (invoice) =>
      (customer === undefined || invoice.customer === customer) &&
      (subscription === undefined || subscriptionIdOf(invoice) === subscription) &&
      (status === undefined || invoice.status === status) &&
      (collectionMethod === undefined || invoice.collection_method === collectionMethod),
  });
}

/**
 * `POST /v1/invoices/:id/pay`: finalizes a draft, then charges what remains to `payment_method`
 * (else the subscription's or customer's default), or records it paid out of band.
 */
function pay(ctx: Ctx, { params, path }: ApiRequest) {
  const invoice = ctx.sim.store.get('invoice', path.id!);
  if (invoice.status === 'paid') {
    throw invalidRequest('Invoice is already paid', { code: 'invoice_unexpected_state' });
  }
  if (invoice.status === 'void') {
    throw invalidRequest('This invoice is void and cannot be paid.', { code: 'invoice_unexpected_state' });
  }
  if (invoice.status === 'draft') finalizeInvoice(ctx, invoice);
  if (params.bool('paid_out_of_band') || invoice.amount_remaining === 0) {
    markInvoicePaid(ctx, invoice);
    return invoice;
  }
  const subscription = subscriptionOfInvoice(ctx, invoice);
  const customer = ctx.sim.store.get('customer', invoice.customer as string);
  const fallback = customer.invoice_settings.default_payment_method;
  const paymentMethod =
    params.string('payment_method') ??
    (subscription
      ? defaultPaymentMethodOf(ctx, subscription)
      : typeof fallback === 'string'
        ? fallback
        : null);
  if (paymentMethod === null) {
    throw invalidRequest(
      'This customer has no attached payment source or default payment method. Please consider adding a default payment method.',
      { code: 'resource_missing' },
    );
  }
  const intent = invoicePaymentIntent(ctx, invoice);
  const outcome = confirmPaymentIntent(ctx, intent, paymentMethod);
  settleInvoicePayment(ctx, intent);
  if (!outcome.succeeded) throw cardError(intent, outcome.charge, outcome.decline);
  return invoice;
}

function voidRoute(ctx: Ctx, { path }: ApiRequest) {
  const invoice = ctx.sim.store.get('invoice', path.id!);
  if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
    throw invalidRequest(
      `You can only void an open or uncollectible invoice; this one is ${invoice.status}.`,
      {
        code: 'invoice_unexpected_state',
      },
    );
  }
  voidInvoice(ctx, invoice);
  return invoice;
}

export const invoiceRoutes = [
  route('GET', '/v1/invoices', list),
  route('GET', '/v1/invoices/:id', (ctx, { path }) => ctx.sim.store.get('invoice', path.id!)),
  route('GET', '/v1/invoices/:id/lines', (ctx, { params, path }) => {
    const invoice = ctx.sim.store.get('invoice', path.id!);
    // Lines keep their invoice order (the list helper pages newest first, hence the reversal).
    const lines = invoice.lines.data.map((line) => ({ ...line, created: invoice.created }));
    const page = paginate([...lines].reverse(), params, { url: invoice.lines.url, objectName: 'line_item' });
    return { ...page, data: page.data.map(({ created: _created, ...line }) => line) };
  }),
  route('POST', '/v1/invoices/:id/pay', pay),
  route('POST', '/v1/invoices/:id/void', voidRoute),
  route('GET', '/v1/invoice_payments', (ctx, { params }) => {
    const invoice = params.string('invoice');
    return paginate(ctx.sim.store.all('invoice_payment'), params, {
      url: '/v1/invoice_payments',
      objectName: 'invoice_payment',
      filter: (payment) => invoice === undefined || payment.invoice === invoice,
    });
  }),
  route('GET', '/v1/invoice_payments/:id', (ctx, { path }) => ctx.sim.store.get('invoice_payment', path.id!)),
];
