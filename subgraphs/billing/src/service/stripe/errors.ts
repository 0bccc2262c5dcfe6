import Stripe from 'stripe';
import { badUserInput, conflict, ErrorCode, UserError } from '@lattice/server-kit';

/** A declined card, in words a person can act on, with Stripe's codes for clients. */
export function paymentFailed(error: Stripe.errors.StripeCardError, paymentId?: string): UserError {
  return new UserError(ErrorCode.PaymentFailed, error.message || 'The card was declined', {
    declineCode: error.decline_code ?? error.code ?? null,
    ...(paymentId ? { paymentId } : {}),
  });
}

/** Which input field each Stripe error code, or else refused parameter, came from. */
export type StripeFields = Record<string, string>;

/**
 * Stripe's refusals of what the client asked (a card declined, a bad payment method id, an
 * amount under the currency's minimum) become errors the client can act on, on the input
 * field it came from (`fields`: Stripe's error `code`, else its `param` → the field;
 * a missing object is the payment method unless `fields` names its parameter). Anything
 * else (Stripe down, a bug) stays internal.
 */
export async function fromStripe<T>(
  call: () => Promise<T>,
  fields: StripeFields = { payment_method: 'paymentMethod' },
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw clientErrorOf(error, fields) ?? error;
  }
}

/** The client's error `error` stands for, if it is one (see fromStripe). */
export function clientErrorOf(error: unknown, fields: StripeFields): UserError | undefined {
  if (error instanceof Stripe.errors.StripeCardError) return paymentFailed(error);
  if (error instanceof Stripe.errors.StripeIdempotencyError && fields.idempotency) {
    return conflict(`${fields.idempotency}: already used for another request`, fields.idempotency);
  }
  if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) return undefined;
  const field =
    [error.code, error.param].map((key) => (key ? fields[key] : undefined)).find(Boolean) ??
    (error.code === 'resource_missing' ? fields.payment_method : undefined);
  return field ? badUserInput(`${field}: ${error.message}`, field) : undefined;
}
