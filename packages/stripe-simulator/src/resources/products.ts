import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit, emitChange, now } from '../context';
import { invalidRequest } from '../core/errors';
import { newId } from '../core/ids';
import { snapshot } from '../core/wire';
import { paginate } from '../http/list';
import type { Params } from '../http/params';
import { applyMetadata, newMetadata } from '../core/metadata';
import { route, type ApiRequest } from '../http/routes';

/** Creates a product from `name`, `id`, `description`, `active`, `metadata` (also `product_data`). */
export function createProduct(ctx: Ctx, params: Params): Stripe.Product {
  const id = params.string('id') ?? newId('prod');
  if (ctx.sim.store.find('product', id)) {
    throw invalidRequest('Product already exists.', {
      code: 'resource_already_exists',
      param: params.name('id'),
    });
  }
  const product: Stripe.Product = {
    id,
    object: 'product',
    active: params.bool('active') ?? true,
    created: now(ctx),
    default_price: null,
    description: params.emptyableString('description') ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: newMetadata(params.metadata()),
    name: params.requiredString('name'),
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: null,
    updated: now(ctx),
    url: null,
  };
  ctx.sim.store.insert('product', product);
  emit(ctx, 'product.created', product);
  return product;
}

function update(ctx: Ctx, { params, path }: ApiRequest) {
  const product = ctx.sim.store.get('product', path.id!);
  const before = snapshot(product);
  const name = params.string('name');
  if (name !== undefined) product.name = name;
  const description = params.emptyableString('description');
  if (description !== undefined) product.description = description;
  const active = params.bool('active');
  if (active !== undefined) product.active = active;
  applyMetadata(product.metadata, params.metadata());
  if (JSON.stringify(before) !== JSON.stringify(product)) product.updated = now(ctx);
  emitChange(ctx, 'product.updated', before, product);
  return product;
}

function list(ctx: Ctx, { params }: ApiRequest) {
  const active = params.bool('active');
  const ids = params.stringList('ids');
  return paginate(ctx.sim.store.all('product'), params, {
    url: '/v1/products',
    objectName: 'product',
    filter: (product) =>
      (active === undefined || product.active === active) && (ids.length === 0 || ids.includes(product.id)),
  });
}

export const productRoutes = [
  route('POST', '/v1/products', (ctx, { params }) => createProduct(ctx, params)),
  route('GET', '/v1/products', list),
  route('GET', '/v1/products/:id', (ctx, { path }) => ctx.sim.store.get('product', path.id!)),
  route('POST', '/v1/products/:id', update),
];
