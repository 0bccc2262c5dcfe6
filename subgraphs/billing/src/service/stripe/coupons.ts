import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { PromoCode } from '../../entities';

/** The Stripe coupon carrying a promo code onto a subscription's first invoice, made on first use. */
export async function promoCoupon(em: EntityManager, stripe: Stripe, promo: PromoCode): Promise<string> {
  if (promo.stripeCouponId) return promo.stripeCouponId;
  const coupon = await stripe.coupons.create(
    {
      duration: 'once',
      name: promo.code,
      ...(promo.percentOff !== null
        ? { percent_off: promo.percentOff }
        : { amount_off: promo.amountOff!, currency: promo.currency! }),
      metadata: { promoCodeId: promo.id },
    },
    { idempotencyKey: `lattice:coupon:${promo.id}` },
  );
  await em.nativeUpdate(PromoCode, { id: promo.id }, { stripeCouponId: coupon.id });
  return coupon.id;
}
