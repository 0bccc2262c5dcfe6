import type Stripe from 'stripe';
import { settleInvoicePayment } from '../billing/invoice-collection';
import type { Ctx } from '../context';
import { emitChange } from '../context';
import { invalidRequest } from '../core/errors';
import { snapshot } from '../core/wire';
import { paginate } from '../http/list';
import type { Params } from '../http/params';
import { applyMetadata, newMetadata } from '../core/metadata';
import { route, type ApiRequest } from '../http/routes';
import { paymentMethodFor } from '../payments/cards';
import {
  cancelPaymentIntent,
  cardError,
  confirmPaymentIntent,
  createPaymentIntent,
  validateChargeAmount,
  validateCurrency,
} from '../payments/payment-intents';

const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;

function automaticPaymentMethods(params: Params): Stripe.PaymentIntent.AutomaticPaymentMethods | null {
  const settings = params.object('automatic_payment_methods');
  if (!settings) return null;
  const allowRedirects = settings.enum('allow_redirects', ['always', 'never']);
  return {
    enabled: settings.bool('enabled') ?? false,
    ...(allowRedirects ? { allow_redirects: allowRedirects } : {}),
  };
}

/** Confirms, and answers a decline with Stripe's 402 (the intent keeps the failed attempt). */
function confirmOrThrow(
  ctx: Ctx,
  intent: Stripe.PaymentIntent,
  paymentMethod?: string,
): Stripe.PaymentIntent {
  const outcome = confirmPaymentIntent(ctx, intent, paymentMethod);
  settleInvoicePayment(ctx, intent);
  if (!outcome.succeeded) throw cardError(intent, outcome.charge, outcome.decline);
  return intent;
}

function create(ctx: Ctx, { params }: ApiRequest) {
  const { store } = ctx.sim;
  const customer = params.string('customer');
  if (customer) store.get('customer', customer, 'customer');
  const paymentMethod = params.string('payment_method');
  if (paymentMethod) paymentMethodFor(ctx, paymentMethod, 'payment_method');
  const intent = createPaymentIntent(ctx, {
    amount: params.requiredInt('amount'),
    currency: params.requiredString('currency'),
    customer: customer ?? null,
    paymentMethod: paymentMethod ?? null,
    description: params.emptyableString('description') ?? null,
    metadata: newMetadata(params.metadata()),
    receiptEmail: params.emptyableString('receipt_email'),
    automaticPaymentMethods: automaticPaymentMethods(params),
    setupFutureUsage: params.enum('setup_future_usage', ['off_session', 'on_session']) ?? null,
  });
  return params.bool('confirm') ? confirmOrThrow(ctx, intent) : intent;
}

function update(ctx: Ctx, { params, path }: ApiRequest) {
  const intent = ctx.sim.store.get('payment_intent', path.id!);
  const before = snapshot(intent);
  const settled = intent.status === 'succeeded' || intent.status === 'canceled';
  for (const field of ['amount', 'currency', 'customer', 'payment_method'] as const) {
    if (settled && params.has(field)) {
      throw invalidRequest(
        `You cannot update ${field} on a PaymentIntent with a status of ${intent.status}.`,
        { code: 'payment_intent_unexpected_state', param: field },
      );
    }
  }
  const currency = params.string('currency');
  if (currency !== undefined) intent.currency = validateCurrency(currency);
  const amount = params.int('amount');
  if (amount !== undefined) {
    validateChargeAmount(amount, intent.currency);
    intent.amount = amount;
  }
  const customer = params.string('customer');
  if (customer !== undefined) intent.customer = ctx.sim.store.get('customer', customer, 'customer').id;
  const paymentMethod = params.string('payment_method');
  if (paymentMethod !== undefined) {
    intent.payment_method = paymentMethodFor(ctx, paymentMethod, 'payment_method').id;
    intent.status = 'requires_confirmation';
  }
  const description = params.emptyableString('description');
  if (description !== undefined) intent.description = description;
  const receiptEmail = params.emptyableString('receipt_email');
  if (receiptEmail !== undefined) intent.receipt_email = receiptEmail;
  applyMetadata(intent.metadata, params.metadata());
  emitChange(ctx, 'payment_intent.updated', before, intent);
  return intent;
}

function list(ctx: Ctx, { params }: ApiRequest) {
  const customer = params.string('customer');
  return paginate(ctx.sim.store.all('payment_intent'), params, {
    url: '/v1/payment_intents',
    objectName: 'payment_intent',
    filter: (intent) => customer === undefined || intent.customer === customer,
  });
}

export const paymentIntentRoutes = [
  route('POST', '/v1/payment_intents', create),
  route('GET', '/v1/payment_intents', list),
  route('GET', '/v1/payment_intents/:id', (ctx, { path }) => ctx.sim.store.get('payment_intent', path.id!)),
  route('POST', '/v1/payment_intents/:id', update),
  route('POST', '/v1/payment_intents/:id/confirm', (ctx, { params, path }) =>
    confirmOrThrow(ctx, ctx.sim.store.get('payment_intent', path.id!), params.string('payment_method')),
  ),
  route('POST', '/v1/payment_intents/:id/cancel', (ctx, { params, path }) => {
    const intent = ctx.sim.store.get('payment_intent', path.id!);
    cancelPaymentIntent(ctx, intent, params.enum('cancellation_reason', CANCELLATION_REASONS) ?? null);
    return intent;
  }),
];
