import type { Ctx } from '../context';
import { emitChange } from '../context';
import { snapshot } from '../core/wire';
import { paginate } from '../http/list';
import { applyMetadata, newMetadata } from '../core/metadata';
import { route, type ApiRequest } from '../http/routes';
import { createRefund } from '../payments/refunds';

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

function create(ctx: Ctx, { params }: ApiRequest) {
  return createRefund(ctx, {
    paymentIntent: params.string('payment_intent'),
    charge: params.string('charge'),
    amount: params.int('amount'),
    reason: params.enum('reason', REASONS) ?? null,
    metadata: newMetadata(params.metadata()),
  });
}

function update(ctx: Ctx, { params, path }: ApiRequest) {
  const refund = ctx.sim.store.get('refund', path.id!);
  const before = snapshot(refund);
  refund.metadata ??= {};
  applyMetadata(refund.metadata, params.metadata());
  emitChange(ctx, 'refund.updated', before, refund);
  return refund;
}

function list(ctx: Ctx, { params }: ApiRequest) {
  const paymentIntent = params.string('payment_intent');
  const charge = params.string('charge');
  return paginate(ctx.sim.store.all('refund'), params, {
    url: '/v1/refunds',
    objectName: 'refund',
    filter: (refund) =>
      (paymentIntent === undefined || refund.payment_intent === paymentIntent) &&
      (charge === undefined || refund.charge === charge),
  });
}

export const refundRoutes = [
  route('POST', '/v1/refunds', create),
  route('GET', '/v1/refunds', list),
  route('GET', '/v1/refunds/:id', (ctx, { path }) => ctx.sim.store.get('refund', path.id!)),
  route('POST', '/v1/refunds/:id', update),
];
