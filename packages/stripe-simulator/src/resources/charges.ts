import type { Ctx } from '../context';
import { paginate } from '../http/list';
import { route, type ApiRequest } from '../http/routes';

function list(ctx: Ctx, { params }: ApiRequest) {
  const customer = params.string('customer');
  const paymentIntent = params.string('payment_intent');
  return paginate(ctx.sim.store.all('charge'), params, {
    url: '/v1/charges',
    objectName: 'charge',
    filter: (charge) =>
      (customer === undefined || charge.customer === customer) &&
      (paymentIntent === undefined || charge.payment_intent === paymentIntent),
  });
}

export const chargeRoutes = [
  route('GET', '/v1/charges', list),
  route('GET', '/v1/charges/:id', (ctx, { path }) => ctx.sim.store.get('charge', path.id!)),
];
