import Stripe from 'stripe';
import { badUserInput, ErrorCode, UserError } from '@lattice/server-kit';

/** A declined card, in words a person can act on, with Stripe's codes for clients. */
export function paymentFailed(error: Stripe.errors.StripeCardError, paymentId?: string): UserError {
  return new UserError(ErrorCode.PaymentFailed, error.message || 'The card was declined', {
    declineCode: error.decline_code ?? error.code ?? null,
    ...(paymentId ? { paymentId } : {}),
  });
}

/**
 * Stripe's refusals of what the client asked (a card declined, a bad payment method id)
 * become errors the client can act on; anything else (Stripe down, a bug) stays internal.
 */
export async function fromStripe<T>(call: () => Promise<T>, field = 'paymentMethod'): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) throw paymentFailed(error);
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') {
      throw badUserInput(`${field}: ${error.message}`, field);
    }
    throw error;
  }
}
