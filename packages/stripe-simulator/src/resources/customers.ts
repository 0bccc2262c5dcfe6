import type Stripe from 'stripe';
import { cancelSubscription } from '../billing/cancellation';
import type { Ctx } from '../context';
import { emit, emitChange, now } from '../context';
import { newId, newInvoicePrefix } from '../core/ids';
import { snapshot } from '../core/wire';
import { paginate } from '../http/list';
import type { Params } from '../http/params';
import { applyMetadata, newMetadata } from '../core/metadata';
import { route, type ApiRequest } from '../http/routes';
import { attachPaymentMethod, defaultPaymentMethodFor } from '../payments/payment-methods';

function setDefaultPaymentMethod(
  ctx: Ctx,
  customer: Stripe.Customer,
  params: Params,
  attached?: Stripe.PaymentMethod,
) {
  const settings = params.object('invoice_settings');
  const id = settings?.emptyableString('default_payment_method');
  if (id === undefined) return;
  // `payment_method=pm_card_visa&invoice_settings[default_payment_method]=pm_card_visa` means the card just attached.
  customer.invoice_settings.default_payment_method =
    id === null
      ? null
      : attached && id === params.string('payment_method')
        ? attached.id
        : defaultPaymentMethodFor(ctx, customer.id, id, 'invoice_settings[default_payment_method]');
}

function create(ctx: Ctx, { params }: ApiRequest) {
  const customer: Stripe.Customer = {
    id: newId('cus'),
    object: 'customer',
    address: null,
    balance: params.int('balance') ?? 0,
    created: now(ctx),
    currency: null,
    default_source: null,
    delinquent: false,
    description: params.emptyableString('description') ?? null,
    discount: null,
    email: params.emptyableString('email') ?? null,
    invoice_prefix: newInvoicePrefix(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: newMetadata(params.metadata()),
    name: params.emptyableString('name') ?? null,
    next_invoice_sequence: 1,
    phone: params.emptyableString('phone') ?? null,
    preferred_locales: params.stringList('preferred_locales'),
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  ctx.sim.store.insert('customer', customer);
  const paymentMethod = params.string('payment_method');
  const attached = paymentMethod ? attachPaymentMethod(ctx, paymentMethod, customer.id) : undefined;
  setDefaultPaymentMethod(ctx, customer, params, attached);
  emit(ctx, 'customer.created', customer);
  return customer;
}

function update(ctx: Ctx, { params, path }: ApiRequest) {
  const customer = ctx.sim.store.get('customer', path.id!);
  const before = snapshot(customer);
  for (const field of ['email', 'name', 'description', 'phone'] as const) {
    const value = params.emptyableString(field);
    if (value !== undefined) customer[field] = value;
  }
  const balance = params.int('balance');
  if (balance !== undefined) customer.balance = balance;
  applyMetadata(customer.metadata, params.metadata());
  const paymentMethod = params.string('payment_method');
  const attached = paymentMethod ? attachPaymentMethod(ctx, paymentMethod, customer.id) : undefined;
  setDefaultPaymentMethod(ctx, customer, params, attached);
  emitChange(ctx, 'customer.updated', before, customer);
  return customer;
}

function remove(ctx: Ctx, { path }: ApiRequest): Stripe.DeletedCustomer {
  const { store } = ctx.sim;
  const customer = store.get('customer', path.id!);
  for (const subscription of store.all('subscription')) {
    if (subscription.customer === customer.id && subscription.status !== 'canceled') {
      cancelSubscription(ctx, subscription, { invoiceNow: false, prorate: false });
    }
  }
  store.remove('customer', customer.id);
  emit(ctx, 'customer.deleted', customer);
  return { id: customer.id, object: 'customer', deleted: true };
}

function list(ctx: Ctx, { params }: ApiRequest) {
  const email = params.string('email');
  return paginate(ctx.sim.store.all('customer'), params, {
    url: '/v1/customers',
    objectName: 'customer',
    filter: (customer) => email === undefined || customer.email === email,
  });
}

export const customerRoutes = [
  route('POST', '/v1/customers', create),
  route('GET', '/v1/customers', list),
  route('GET', '/v1/customers/:id', (ctx, { path }) => ctx.sim.store.get('customer', path.id!)),
  route('POST', '/v1/customers/:id', update),
  route('DELETE', '/v1/customers/:id', remove),
];
