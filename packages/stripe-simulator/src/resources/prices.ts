import Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit, emitChange, now } from '../context';
import { invalidRequest } from '../core/errors';
import { newId } from '../core/ids';
import { snapshot } from '../core/wire';
import { paginate } from '../http/list';
import type { Params } from '../http/params';
import { applyMetadata, newMetadata } from '../core/metadata';
import { route, type ApiRequest } from '../http/routes';
import { validateCurrency } from '../payments/payment-intents';
import { createProduct } from './products';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

/** Gives `lookupKey` to `price`; another price holding it gives it up only with `transfer_lookup_key`. */
function claimLookupKey(ctx: Ctx, price: Stripe.Price, lookupKey: string | null, transfer: boolean): void {
  if (lookupKey !== null) {
    const holder = ctx.sim.store
      .all('price')
      .find((other) => other.lookup_key === lookupKey && other.id !== price.id);
    if (holder && !transfer) {
      throw invalidRequest(
        `A price (\`${holder.id}\`) already uses that lookup key. To transfer the lookup key to this price, set \`transfer_lookup_key\` to true.`,
        { param: 'lookup_key' },
      );
    }
    if (holder) {
      const before = snapshot(holder);
      holder.lookup_key = null;
      emitChange(ctx, 'price.updated', before, holder);
    }
  }
  price.lookup_key = lookupKey;
}

function recurringOf(params: Params): Stripe.Price.Recurring | null {
  const recurring = params.object('recurring');
  if (!recurring) return null;
  const intervalCount = recurring.int('interval_count') ?? 1;
  if (intervalCount < 1) {
    throw invalidRequest('Invalid recurring[interval_count]', { param: 'recurring[interval_count]' });
  }
  return {
    interval: recurring.requiredEnum('interval', INTERVALS),
    interval_count: intervalCount,
    meter: null,
    trial_period_days: recurring.int('trial_period_days') ?? null,
    usage_type: 'licensed',
  };
}

function create(ctx: Ctx, { params }: ApiRequest) {
  const { store } = ctx.sim;
  const productData = params.object('product_data');
  const productId = params.string('product');
  if (!productId && !productData) {
    throw invalidRequest('Missing required param: product.', { code: 'parameter_missing', param: 'product' });
  }
  const product = productData ? createProduct(ctx, productData) : store.get('product', productId!, 'product');
  const unitAmount = params.requiredInt('unit_amount');
  if (unitAmount < 0) throw invalidRequest('Invalid non-negative integer', { param: 'unit_amount' });
  const recurring = recurringOf(params);
  const price: Stripe.Price = {
    id: newId('price'),
    object: 'price',
    active: params.bool('active') ?? true,
    billing_scheme: 'per_unit',
    created: now(ctx),
    currency: validateCurrency(params.requiredString('currency')),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: newMetadata(params.metadata()),
    nickname: params.emptyableString('nickname') ?? null,
    product: product.id,
    recurring,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: unitAmount,
    unit_amount_decimal: Stripe.Decimal.from(String(unitAmount)),
  };
  claimLookupKey(
    ctx,
    price,
    params.string('lookup_key') ?? null,
    params.bool('transfer_lookup_key') ?? false,
  );
  store.insert('price', price);
  emit(ctx, 'price.created', price);
  return price;
}

function update(ctx: Ctx, { params, path }: ApiRequest) {
  const price = ctx.sim.store.get('price', path.id!);
  const before = snapshot(price);
  const active = params.bool('active');
  if (active !== undefined) price.active = active;
  const nickname = params.emptyableString('nickname');
  if (nickname !== undefined) price.nickname = nickname;
  const lookupKey = params.emptyableString('lookup_key');
  if (lookupKey !== undefined) {
    claimLookupKey(ctx, price, lookupKey, params.bool('transfer_lookup_key') ?? false);
  }
  applyMetadata(price.metadata, params.metadata());
  emitChange(ctx, 'price.updated', before, price);
  return price;
}

function list(ctx: Ctx, { params }: ApiRequest) {
  const active = params.bool('active');
  const product = params.string('product');
  const currency = params.string('currency');
  const type = params.enum('type', ['one_time', 'recurring']);
  const lookupKeys = params.stringList('lookup_keys');
  const interval = params.object('recurring')?.enum('interval', INTERVALS);
  return paginate(ctx.sim.store.all('price'), params, {
    url: '/v1/prices',
    objectName: 'price',
    filter: (price) =>
      (active === undefined || price.active === active) &&
      (product === undefined || price.product === product) &&
      (currency === undefined || price.currency === currency) &&
      (type === undefined || price.type === type) &&
      (lookupKeys.length === 0 || (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
      (interval === undefined || price.recurring?.interval === interval),
  });
}

export const priceRoutes = [
  route('POST', '/v1/prices', create),
  route('GET', '/v1/prices', list),
  route('GET', '/v1/prices/:id', (ctx, { path }) => ctx.sim.store.get('price', path.id!)),
  route('POST', '/v1/prices/:id', update),
];
