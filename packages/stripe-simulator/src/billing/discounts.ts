import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { now } from '../context';
import { addIntervals } from '../core/clock';
import { invalidRequest } from '../core/errors';
import { mulDivRound } from '../core/money';

export interface CouponUse {
  /** The discount's id (known before it is stored, so a first invoice can be priced first). */
  discount: string;
  coupon: Stripe.Coupon;
}

/** A coupon that may still be redeemed, or Stripe's `coupon_expired` error. */
export function redeemableCoupon(ctx: Ctx, id: string, param: string): Stripe.Coupon {
  const coupon = ctx.sim.store.get('coupon', id, param);
  const exhausted = coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions;
  const late = coupon.redeem_by !== null && coupon.redeem_by <= now(ctx);
  if (!coupon.valid || exhausted || late) {
    throw invalidRequest(`Coupon expired: ${coupon.id}`, { code: 'coupon_expired', param });
  }
  return coupon;
}

/** Redeems a coupon on a subscription: the coupon counts it, a discount records it. */
export function createDiscount(
  ctx: Ctx,
  use: CouponUse,
  owner: { customer: string; subscription: string },
): Stripe.Discount {
  const { coupon } = use;
  coupon.times_redeemed++;
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) {
    coupon.valid = false;
  }
  const start = now(ctx);
  const discount: Stripe.Discount = {
    id: use.discount,
    object: 'discount',
    checkout_session: null,
    customer: owner.customer,
    customer_account: null,
    end:
      coupon.duration === 'repeating' && coupon.duration_in_months !== null
        ? addIntervals(start, 'month', coupon.duration_in_months)
        : null,
    invoice: null,
    invoice_item: null,
    promotion_code: null,
    source: { coupon: coupon.id, type: 'coupon' },
    start,
    subscription: owner.subscription,
    subscription_item: null,
  };
  ctx.sim.billing.couponOfDiscount.set(discount.id, coupon);
  return ctx.sim.store.insert('discount', discount);
}

/** The subscription's discounts still in effect at `time`: not used up (`once`), not ended (`repeating`). */
export function discountsInEffect(ctx: Ctx, subscription: Stripe.Subscription, time: number): CouponUse[] {
  const uses: CouponUse[] = [];
  for (const entry of subscription.discounts) {
    const id = typeof entry === 'string' ? entry : entry.id;
    const discount = ctx.sim.store.find('discount', id);
    const coupon = ctx.sim.billing.couponOfDiscount.get(id);
    if (!discount || !coupon || ctx.sim.billing.usedDiscounts.has(id)) continue;
    if (discount.end !== null && discount.end <= time) continue;
    uses.push({ discount: id, coupon });
  }
  return uses;
}

/**
 * What each discount takes off each line, in minor units. A percentage comes off every line
 * (credits included), rounded per line; a fixed amount off the invoice's positive subtotal,
 * line by line, in the coupon's currency only.
 */
export function discountAmounts(amounts: number[], uses: CouponUse[], currency: string): number[][] {
  const left = [...amounts];
  return uses.map(({ coupon }) => {
    let taken: number[];
    if (coupon.percent_off !== null) {
      const basisPoints = Math.round(coupon.percent_off * 100);
      taken = left.map((amount) => Math.sign(amount) * mulDivRound(Math.abs(amount), basisPoints, 10_000));
    } else {
      let budget =
        coupon.currency === currency
          ? Math.min(
              coupon.amount_off ?? 0,
              Math.max(
                0,
                left.reduce((a, b) => a + b, 0),
              ),
            )
          : 0;
      taken = left.map((amount) => {
        const take = Math.max(0, Math.min(amount, budget));
        budget -= take;
        return take;
      });
    }
    taken.forEach((amount, index) => (left[index]! -= amount));
    return taken;
  });
}
