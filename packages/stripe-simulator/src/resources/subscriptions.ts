import type Stripe from 'stripe';
import { cancelSubscription } from '../billing/cancellation';
import { redeemableCoupon } from '../billing/discounts';
import { createSubscription, type PaymentBehavior } from '../billing/subscriptions';
import { updateSubscription, type ItemChange } from '../billing/subscription-updates';
import type { Ctx } from '../context';
import { now } from '../context';
import { invalidRequest } from '../core/errors';
import { paginate } from '../http/list';
import type { Params } from '../http/params';
import { applyMetadata, newMetadata } from '../core/metadata';
import { route, type ApiRequest } from '../http/routes';
import { defaultPaymentMethodFor } from '../payments/payment-methods';

const PAYMENT_BEHAVIORS: PaymentBehavior[] = [
  'allow_incomplete',
  'error_if_incomplete',
  'default_incomplete',
  'pending_if_incomplete',
];
const STATUSES = [
  'active',
  'all',
  'canceled',
  'ended',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'paused',
  'trialing',
  'unpaid',
] as const;

function quantityOf(params: Params): number | undefined {
  const quantity = params.int('quantity');
  if (quantity !== undefined && quantity < 0) {
    throw invalidRequest('Invalid non-negative integer', { param: params.name('quantity') });
  }
  return quantity;
}

function couponsOf(ctx: Ctx, params: Params): Stripe.Coupon[] {
  return params
    .objectList('discounts')
    .map((entry) => redeemableCoupon(ctx, entry.requiredString('coupon'), entry.name('coupon')));
}

function trialEndOf(ctx: Ctx, params: Params, prices: Stripe.Price[]): number | null {
  const days = params.int('trial_period_days');
  const end = params.timestampOrNow('trial_end');
  if (days !== undefined && end !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: trial_end, trial_period_days.', {
      param: 'trial_end',
    });
  }
  if (end === 'now') return null;
  if (end !== undefined) {
    if (end <= now(ctx)) {
      throw invalidRequest('Invalid timestamp: must be an integer Unix timestamp in the future.', {
        param: 'trial_end',
      });
    }
    return end;
  }
  const trialDays =
    days ??
    (params.bool('trial_from_plan') ? (prices[0]?.recurring?.trial_period_days ?? undefined) : undefined);
  return trialDays ? now(ctx) + trialDays * 86_400 : null;
}

function create(ctx: Ctx, { params }: ApiRequest) {
  const { store } = ctx.sim;
  const customer = store.get('customer', params.requiredString('customer'), 'customer');
  const items = params.objectList('items').map((item) => ({
    price: store.get('price', item.requiredString('price'), item.name('price')),
    quantity: quantityOf(item) ?? 1,
    metadata: newMetadata(item.metadata()),
  }));
  const paymentMethod = params.string('default_payment_method');
  const collectionMethod =
    params.enum('collection_method', ['charge_automatically', 'send_invoice']) ?? 'charge_automatically';
  return createSubscription(ctx, {
    customer,
    items,
    trialEnd: trialEndOf(
      ctx,
      params,
      items.map((item) => item.price),
    ),
    defaultPaymentMethod: paymentMethod
      ? defaultPaymentMethodFor(ctx, customer.id, paymentMethod, 'default_payment_method')
      : null,
    coupons: couponsOf(ctx, params),
    metadata: newMetadata(params.metadata()),
    description: params.emptyableString('description') ?? null,
    paymentBehavior: params.enum('payment_behavior', PAYMENT_BEHAVIORS) ?? 'allow_incomplete',
    collectionMethod,
    daysUntilDue: collectionMethod === 'send_invoice' ? params.requiredInt('days_until_due') : null,
    cancelAtPeriodEnd: params.bool('cancel_at_period_end') ?? false,
  });
}

function itemChanges(ctx: Ctx, params: Params): ItemChange[] {
  return params.objectList('items').map((item) => {
    const price = item.string('price');
    return {
      id: item.string('id'),
      price: price === undefined ? undefined : ctx.sim.store.get('price', price, item.name('price')),
      quantity: quantityOf(item),
      deleted: item.bool('deleted') ?? false,
      metadata: item.metadata(),
    };
  });
}

function pauseCollectionOf(params: Params): Stripe.Subscription.PauseCollection | null | undefined {
  const pause = params.emptyableObject('pause_collection');
  if (pause === undefined || pause === null) return pause;
  return {
    behavior: pause.requiredEnum('behavior', ['keep_as_draft', 'mark_uncollectible', 'void']),
    resumes_at: pause.int('resumes_at') ?? null,
  };
}

function update(ctx: Ctx, { params, path }: ApiRequest) {
  const subscription = ctx.sim.store.get('subscription', path.id!);
  const customer = subscription.customer as string;
  const paymentMethod = params.emptyableString('default_payment_method');
  const cancelAt =
    params.has('cancel_at') && params.string('cancel_at') === '' ? null : params.int('cancel_at');
  if (cancelAt && cancelAt <= now(ctx)) {
    throw invalidRequest('Invalid timestamp: must be an integer Unix timestamp in the future.', {
      param: 'cancel_at',
    });
  }
  const metadata = params.metadata();
  updateSubscription(ctx, subscription, {
    items: itemChanges(ctx, params),
    prorationBehavior:
      params.enum('proration_behavior', ['create_prorations', 'always_invoice', 'none']) ??
      'create_prorations',
    prorationDate: params.int('proration_date'),
    paymentBehavior: params.enum('payment_behavior', PAYMENT_BEHAVIORS) ?? 'allow_incomplete',
    cancelAtPeriodEnd: params.bool('cancel_at_period_end'),
    cancelAt,
    pauseCollection: pauseCollectionOf(params),
    defaultPaymentMethod:
      paymentMethod === undefined || paymentMethod === null
        ? paymentMethod
        : defaultPaymentMethodFor(ctx, customer, paymentMethod, 'default_payment_method'),
    metadata: metadata === undefined ? undefined : (target) => applyMetadata(target, metadata),
    description: params.emptyableString('description'),
    trialEnd: params.timestampOrNow('trial_end'),
    coupons: params.has('discounts')
      ? params.string('discounts') === ''
        ? null
        : couponsOf(ctx, params)
      : undefined,
  });
  return subscription;
}

function cancel(ctx: Ctx, { params, path }: ApiRequest) {
  const subscription = ctx.sim.store.get('subscription', path.id!);
  cancelSubscription(ctx, subscription, {
    invoiceNow: params.bool('invoice_now') ?? false,
    prorate: params.bool('prorate') ?? false,
  });
  return subscription;
}

function list(ctx: Ctx, { params }: ApiRequest) {
  const customer = params.string('customer');
  const price = params.string('price');
  const status = params.enum('status', STATUSES);
  const matchesStatus = (subscription: Stripe.Subscription) => {
    if (status === 'all') return true;
    if (status === 'ended') {
      return subscription.status === 'canceled' || subscription.status === 'incomplete_expired';
    }
    // Without a status, Stripe lists every subscription that is not canceled.
    return status === undefined ? subscription.status !== 'canceled' : subscription.status === status;
  };
  return paginate(ctx.sim.store.all('subscription'), params, {
    url: '/v1/subscriptions',
    objectName: 'subscription',
    filter: (subscription) =>
      matchesStatus(subscription) &&
      (customer === undefined || subscription.customer === customer) &&
      (price === undefined || subscription.items.data.some((item) => item.price.id === price)),
  });
}

export const subscriptionRoutes = [
  route('POST', '/v1/subscriptions', create),
  route('GET', '/v1/subscriptions', list),
  route('GET', '/v1/subscriptions/:id', (ctx, { path }) => ctx.sim.store.get('subscription', path.id!)),
  route('POST', '/v1/subscriptions/:id', update),
  route('DELETE', '/v1/subscriptions/:id', cancel),
  route('GET', '/v1/subscription_items/:id', (ctx, { path }) =>
    ctx.sim.store.get('subscription_item', path.id!),
  ),
];
