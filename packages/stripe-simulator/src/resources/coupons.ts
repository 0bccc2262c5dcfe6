import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit, emitChange, now } from '../context';
import { invalidRequest } from '../core/errors';
import { newCouponId } from '../core/ids';
import { snapshot } from '../core/wire';
import { paginate } from '../http/list';
import { applyMetadata, newMetadata } from '../core/metadata';
import { route, type ApiRequest } from '../http/routes';
import { validateCurrency } from '../payments/payment-intents';

function create(ctx: Ctx, { params }: ApiRequest) {
  const id = params.string('id') ?? newCouponId();
  if (ctx.sim.store.find('coupon', id)) {
    throw invalidRequest('Coupon already exists.', { code: 'resource_already_exists', param: 'id' });
  }
  const percentOff = params.decimal('percent_off');
  const amountOff = params.int('amount_off');
  if ((percentOff === undefined) === (amountOff === undefined)) {
    throw invalidRequest('Must provide one of percent_off or amount_off.', { code: 'parameter_missing' });
  }
  if (percentOff !== undefined && (percentOff <= 0 || percentOff > 100)) {
    throw invalidRequest('Invalid percent_off: must be greater than 0 and at most 100', {
      param: 'percent_off',
    });
  }
  if (amountOff !== undefined && amountOff <= 0) {
    throw invalidRequest('Invalid positive integer', { param: 'amount_off' });
  }
  const currency = amountOff !== undefined ? validateCurrency(params.requiredString('currency')) : null;
  const duration = params.enum('duration', ['once', 'repeating', 'forever']) ?? 'once';
  const months = duration === 'repeating' ? params.requiredInt('duration_in_months') : null;
  const redeemBy = params.int('redeem_by') ?? null;
  if (redeemBy !== null && redeemBy <= now(ctx)) {
    throw invalidRequest('Invalid redeem_by: must be in the future', { param: 'redeem_by' });
  }
  const maxRedemptions = params.int('max_redemptions') ?? null;
  if (maxRedemptions !== null && maxRedemptions < 1) {
    throw invalidRequest('Invalid positive integer', { param: 'max_redemptions' });
  }
  const coupon: Stripe.Coupon = {
    id,
    object: 'coupon',
    amount_off: amountOff ?? null,
    created: now(ctx),
    currency,
    duration,
    duration_in_months: months,
    livemode: false,
    max_redemptions: maxRedemptions,
    metadata: newMetadata(params.metadata()),
    name: params.emptyableString('name') ?? null,
    percent_off: percentOff ?? null,
    redeem_by: redeemBy,
    times_redeemed: 0,
    valid: true,
  };
  ctx.sim.store.insert('coupon', coupon);
  emit(ctx, 'coupon.created', coupon);
  return coupon;
}

function update(ctx: Ctx, { params, path }: ApiRequest) {
  const coupon = ctx.sim.store.get('coupon', path.id!);
  const before = snapshot(coupon);
  const name = params.emptyableString('name');
  if (name !== undefined) coupon.name = name;
  coupon.metadata ??= {};
  applyMetadata(coupon.metadata, params.metadata());
  emitChange(ctx, 'coupon.updated', before, coupon);
  return coupon;
}

function remove(ctx: Ctx, { path }: ApiRequest): Stripe.DeletedCoupon {
  const coupon = ctx.sim.store.get('coupon', path.id!);
  ctx.sim.store.remove('coupon', coupon.id);
  emit(ctx, 'coupon.deleted', coupon);
  return { id: coupon.id, object: 'coupon', deleted: true };
}

export const couponRoutes = [
  route('POST', '/v1/coupons', create),
  route('GET', '/v1/coupons', (ctx, { params }) =>
    paginate(ctx.sim.store.all('coupon'), params, { url: '/v1/coupons', objectName: 'coupon' }),
  ),
  route('GET', '/v1/coupons/:id', (ctx, { path }) => ctx.sim.store.get('coupon', path.id!)),
  route('POST', '/v1/coupons/:id', update),
  route('DELETE', '/v1/coupons/:id', remove),
];
