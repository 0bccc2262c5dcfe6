import type { EntityManager } from '@mikro-orm/postgresql';
import type { Payment } from '../entities';
import { discountedAmount, findPromoCode } from './promo-codes';

/** What a client asks to pay, priced from the catalogue (before any promo code). */
export interface PaymentRequest {
  purpose: Payment['purpose'];
  amount: number;
  currency: string;
  /** The credit pack or membership package bought. */
  item: string | null;
  description: string | null;
  promoCode: string | null;
}

/**
 * Whether `payment` is what `request` would create: a retry under the payment's idempotency
 * key must ask the same (its card aside, which only confirms).
 */
export async function sameRequest(
  em: EntityManager,
  payment: Payment,
  request: PaymentRequest,
): Promise<boolean> {
  const promo = request.promoCode ? await findPromoCode(em, request.promoCode) : null;
  if (request.promoCode && !promo) return false;
  return (
    payment.purpose === request.purpose &&
    payment.currency === request.currency &&
    payment.amount === (promo ? discountedAmount(promo, request.amount) : request.amount) &&
    (payment.creditPack ?? payment.membershipPackage) === request.item &&
    payment.description === request.description &&
    payment.promoCodeId === (promo?.id ?? null)
  );
}
