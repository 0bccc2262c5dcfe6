import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A discount code: percent or amount off, until it expires or reaches its redemptions. */
export class PromoCode {
  [OptionalProps]?:
    | 'id'
    | 'createdAt'
    | 'redemptions'
    | 'percentOff'
    | 'amountOff'
    | 'currency'
    | 'expiresAt'
    | 'maxRedemptions'
    | 'stripeCouponId';
  id: string = randomUUID();
  /** Upper case. */
  code!: string;
  percentOff: number | null = null;
  amountOff: number | null = null;
  currency: string | null = null;
  expiresAt: Date | null = null;
  maxRedemptions: number | null = null;
  /** Raised only by a conditional update that respects maxRedemptions. */
  redemptions: number = 0;
  /** The Stripe coupon that carries it onto subscriptions, made on first use. */
  stripeCouponId: string | null = null;
  createdAt: Date = new Date();
}

export const PromoCodeSchema = new EntitySchema<PromoCode>({
  class: PromoCode,
  tableName: 'promo_code',
  indexes: [{ properties: ['createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    code: { type: 'string', length: 32, unique: true },
    percentOff: { type: 'smallint', nullable: true },
    amountOff: { type: 'integer', nullable: true },
    currency: { type: 'string', length: 3, nullable: true },
    expiresAt: { type: 'datetime', nullable: true },
    maxRedemptions: { type: 'integer', nullable: true },
    redemptions: { type: 'integer' },
    stripeCouponId: { type: 'string', length: 255, nullable: true },
    createdAt: { type: 'datetime' },
  },
});

/** A user's use of a promo code: once per user. */
export class PromoRedemption {
  [OptionalProps]?: 'id' | 'createdAt';
  id: string = randomUUID();
  promoCodeId!: string;
  userId!: string;
  createdAt: Date = new Date();
}

export const PromoRedemptionSchema = new EntitySchema<PromoRedemption>({
  class: PromoRedemption,
  tableName: 'promo_redemption',
  uniques: [{ properties: ['promoCodeId', 'userId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    promoCodeId: { type: 'uuid' },
    userId: { type: 'uuid' },
    createdAt: { type: 'datetime' },
  },
});
