import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { emit } from '../context';
import { invalidRequest } from '../core/errors';
import { newId } from '../core/ids';
import { cardPaymentMethod, isTestPaymentMethod, paymentMethodFor, testCard } from './cards';

/**
 * Attaches a payment method to a customer. A test token (`pm_card_visa`) becomes a new `pm_`
 * object, as with Stripe, so each attachment is its own payment method.
 */
export function attachPaymentMethod(ctx: Ctx, id: string, customerId: string): Stripe.PaymentMethod {
  const { store } = ctx.sim;
  store.get('customer', customerId, 'customer');
  const card = testCard(id);
  let method: Stripe.PaymentMethod;
  if (card) {
    method = store.insert('payment_method', cardPaymentMethod(ctx, newId('pm'), card, customerId));
  } else {
    method = paymentMethodFor(ctx, id);
    if (method.customer === customerId) return method;
    if (method.customer) {
      throw invalidRequest('The payment method you provided has already been attached to a customer.', {
        code: 'payment_method_unexpected_state',
      });
    }
    method.customer = customerId;
  }
  emit(ctx, 'payment_method.attached', method);
  return method;
}

export function detachPaymentMethod(ctx: Ctx, id: string): Stripe.PaymentMethod {
  const method = ctx.sim.store.get('payment_method', id);
  if (!method.customer) {
    throw invalidRequest(
      'The payment method you provided is not attached to a customer so detachment is impossible.',
      {
        code: 'payment_method_unexpected_state',
      },
    );
  }
  method.customer = null;
  emit(ctx, 'payment_method.detached', method);
  return method;
}

/**
 * A payment method a customer or subscription may charge by default: one attached to the
 * customer, or (more lenient than Stripe) a test token.
 */
export function defaultPaymentMethodFor(ctx: Ctx, customerId: string, id: string, param: string): string {
  if (isTestPaymentMethod(id)) return id;
  const method = ctx.sim.store.get('payment_method', id, param);
  if (method.customer !== customerId) {
    throw invalidRequest(
      `The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`,
      { code: 'resource_missing', param },
    );
  }
  return method.id;
}
