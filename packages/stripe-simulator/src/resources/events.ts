import type { Ctx } from '../context';
import { paginate } from '../http/list';
import { route, type ApiRequest } from '../http/routes';

function matchesType(pattern: string, type: string): boolean {
  return pattern === type || (pattern.endsWith('*') && type.startsWith(pattern.slice(0, -1)));
}

function list(ctx: Ctx, { params }: ApiRequest) {
  const type = params.string('type');
  const types = params.stringList('types');
  return paginate(ctx.sim.store.all('event'), params, {
    url: '/v1/events',
    objectName: 'event',
    filter: (event) =>
      (type === undefined || matchesType(type, event.type)) &&
      (types.length === 0 || types.some((pattern) => matchesType(pattern, event.type))),
  });
}

export const eventRoutes = [
  route('GET', '/v1/events', list),
  route('GET', '/v1/events/:id', (ctx, { path }) => ctx.sim.store.get('event', path.id!)),
];
