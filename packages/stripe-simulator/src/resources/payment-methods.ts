import { invalidRequest } from '../core/errors';
import type { Ctx } from '../context';
import { emitChange } from '../context';
import { snapshot } from '../core/wire';
import { paginate } from '../http/list';
import type { Params } from '../http/params';
import { applyMetadata } from '../core/metadata';
import { route, type ApiRequest } from '../http/routes';
import { cardPaymentMethod, paymentMethodFor, testCard } from '../payments/cards';
import { attachPaymentMethod, detachPaymentMethod } from '../payments/payment-methods';
import { newId } from '../core/ids';

/** `type=card&card[token]=tok_visa`: a card from one of Stripe's test tokens. */
function create(ctx: Ctx, { params }: ApiRequest) {
  params.enum('type', ['card']);
  const token = params.object('card')?.requiredString('token');
  const card = token?.startsWith('tok_') ? testCard(`pm_card_${token.slice(4)}`) : undefined;
  if (!card) {
    throw invalidRequest(`No such token: '${token ?? ''}'`, {
      code: 'resource_missing',
      param: 'card[token]',
    });
  }
  const method = cardPaymentMethod(ctx, newId('pm'), card, null);
  applyMetadata(method.metadata ?? {}, params.metadata());
  return ctx.sim.store.insert('payment_method', method);
}

function update(ctx: Ctx, { params, path }: ApiRequest) {
  const method = ctx.sim.store.get('payment_method', path.id!);
  const before = snapshot(method);
  method.metadata ??= {};
  applyMetadata(method.metadata, params.metadata());
  emitChange(ctx, 'payment_method.updated', before, method);
  return method;
}

function listFor(ctx: Ctx, params: Params, customer: string | undefined, url: string) {
  if (customer) ctx.sim.store.get('customer', customer, 'customer');
  return paginate(ctx.sim.store.all('payment_method'), params, {
    url,
    objectName: 'payment_method',
    filter: (method) => method.customer !== null && (customer === undefined || method.customer === customer),
  });
}

export const paymentMethodRoutes = [
  route('POST', '/v1/payment_methods', create),
  route('GET', '/v1/payment_methods', (ctx, { params }) =>
    listFor(ctx, params, params.string('customer'), '/v1/payment_methods'),
  ),
  route('GET', '/v1/payment_methods/:id', (ctx, { path }) => paymentMethodFor(ctx, path.id!)),
  route('POST', '/v1/payment_methods/:id', update),
  route('POST', '/v1/payment_methods/:id/attach', (ctx, { params, path }) =>
    attachPaymentMethod(ctx, path.id!, params.requiredString('customer')),
  ),
  route('POST', '/v1/payment_methods/:id/detach', (ctx, { path }) => detachPaymentMethod(ctx, path.id!)),
  route('GET', '/v1/customers/:id/payment_methods', (ctx, { params, path }) =>
    listFor(ctx, params, path.id!, `/v1/customers/${path.id}/payment_methods`),
  ),
];
