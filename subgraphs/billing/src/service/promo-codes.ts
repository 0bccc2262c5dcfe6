import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, conflict, validateInput } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { z } from 'zod';
import { PromoCode } from '../entities';

const PROMO_CODE = 'billing.promo_code';
const REDEMPTION = 'billing.promo_redemption';

const CODE = /^[A-Za-z0-9_-]{3,32}$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));

const createInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(CODE, '3 to 32 letters, digits, - or _')
      .transform((code) => code.toUpperCase()),
    percentOff: z.number().int().min(1, 'from 1 to 100').max(100, 'from 1 to 100').nullish(),
    amountOff: z.number().int().min(1, 'at least 1 (minor units)').max(99_999_999).nullish(),
    currency: z
      .string()
      .transform((code) => code.toLowerCase())
      .refine((code) => CURRENCIES.has(code), 'not an ISO 4217 currency')
      .nullish(),
    expiresAt: z
      .date('must be a date')
      .refine((date) => date.getTime() > Date.now(), 'must be in the future')
      .nullish(),
    maxRedemptions: z.number().int().min(1, 'at least 1, or null for no limit').nullish(),
  })
  .superRefine((input, context) => {
    const percent = input.percentOff != null;
    const amount = input.amountOff != null;
    if (percent === amount) {
      context.addIssue({
        code: 'custom',
        path: ['percentOff'],
        message: 'give either percentOff or amountOff',
      });
    } else if (amount && !input.currency) {
      context.addIssue({ code: 'custom', path: ['currency'], message: 'is required with amountOff' });
    } else if (percent && input.currency) {
      context.addIssue({ code: 'custom', path: ['currency'], message: 'goes with amountOff only' });
    }
  });

/** Creates a promo code (case-insensitive: stored upper case). CONFLICT when the code exists. */
export async function createPromoCode(em: EntityManager, rawInput: unknown): Promise<PromoCode> {
  const input = validateInput(createInput, rawInput, 'input');
  const inserted = await em.execute<Array<{ id: string }>>(
    `insert into ${PROMO_CODE}
       (id, code, percent_off, amount_off, currency, expires_at, max_redemptions, redemptions, created_at)
     values (?, ?, ?, ?, ?, ?, ?, 0, ?)
     on conflict (code) do nothing
     returning id`,
    [
      randomUUID(),
      input.code,
      input.percentOff ?? null,
      input.amountOff ?? null,
      input.amountOff != null ? input.currency : null,
      input.expiresAt ?? null,
      input.maxRedemptions ?? null,
      new Date(),
    ],
  );
  if (inserted.length === 0) throw conflict(`input.code: ${input.code} already exists`, 'input.code');
  return em.findOneOrFail(PromoCode, { id: inserted[0]!.id });
}

export interface RedeemPromoCode {
  userId: string;
  code: string;
  /** The currency of what it discounts: an amount-off code must be in it. */
  currency?: string;
  /** The input field the code came in, named in errors (`input.promoCode` by default). */
  field?: string;
}

/**
 * Uses a promo code once for the user, in the caller's transaction (a savepoint of it): the
 * redemption row and the counter commit or roll back with what the code is for. The counter
 * rises only by a conditional update that respects `maxRedemptions` and the expiry, so
 * concurrent redemptions never exceed the limit. Refused (BAD_USER_INPUT on `field`): an
 * unknown or expired code, an amount off in another currency, a code the user already used,
 * and a code fully redeemed.
 */
export async function redeemPromoCode(em: EntityManager, redeem: RedeemPromoCode): Promise<PromoCode> {
  const field = redeem.field ?? 'input.promoCode';
  const refuse = (why: string) => badUserInput(`${field}: ${why}`, field);
  const code = normalized(redeem.code);
  if (!CODE.test(code)) throw refuse('no such promo code');
  return em.transactional(async (tx) => {
    const promo = await tx.findOne(PromoCode, { code }, { refresh: true });
    if (!promo || isExpired(promo, new Date())) throw refuse('no such promo code, or it has expired');
    if (promo.amountOff !== null && redeem.currency && promo.currency !== redeem.currency.toLowerCase()) {
      throw refuse(`this code takes ${promo.amountOff} ${promo.currency} off, not ${redeem.currency}`);
    }
    const redeemed = await tx.execute(
      `insert into ${REDEMPTION} (id, promo_code_id, user_id, created_at) values (?, ?, ?, ?)
       on conflict (promo_code_id, user_id) do nothing returning id`,
      [randomUUID(), promo.id, redeem.userId, new Date()],
    );
    if (redeemed.length === 0) throw refuse('you have already used this promo code');
    const counted = await tx.execute(
      `update ${PROMO_CODE} set redemptions = redemptions + 1
       where id = ? and (max_redemptions is null or redemptions < max_redemptions)
         and (expires_at is null or expires_at > now())
       returning id`,
      [promo.id],
    );
    if (counted.length === 0) throw refuse('this promo code has been fully redeemed');
    return tx.findOneOrFail(PromoCode, { id: promo.id }, { refresh: true });
  });
}

/**
 * Gives back the user's redemption of a promo code (when what it was for could not be
 * created). Nothing happens when the user has none.
 */
export async function releasePromoRedemption(
  em: EntityManager,
  release: { userId: string; promoCodeId: string },
): Promise<void> {
  await em.transactional(async (tx) => {
    const removed = await tx.execute(
      `delete from ${REDEMPTION} where promo_code_id = ? and user_id = ? returning id`,
      [release.promoCodeId, release.userId],
    );
    if (removed.length === 0) return;
    await tx.execute(
      `update ${PROMO_CODE} set redemptions = redemptions - 1 where id = ? and redemptions > 0`,
      [release.promoCodeId],
      'run',
    );
  });
}

const normalized = (code: unknown) => (typeof code === 'string' ? code.trim().toUpperCase() : '');

/** The promo code a client typed (any case, spaces around), expired or not; null when there is none. */
export function findPromoCode(em: EntityManager, typed: string): Promise<PromoCode | null> {
  const code = normalized(typed);
  return CODE.test(code) ? em.findOne(PromoCode, { code }) : Promise.resolve(null);
}

/** Whether the code can no longer be used at `now`. */
export const isExpired = (promo: PromoCode, now: Date): boolean =>
  promo.expiresAt !== null && promo.expiresAt.getTime() <= now.getTime();

/**
 * What `amount` (minor units) costs with the code, an integer: a percentage's discount is
 * rounded down (to whole minor units), and an amount off never takes the price below 0.
 */
export function discountedAmount(promo: Pick<PromoCode, 'percentOff' | 'amountOff'>, amount: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`discountedAmount: ${amount} is not an amount`);
  if (promo.percentOff !== null) return amount - Math.floor((amount * promo.percentOff) / 100);
  if (promo.amountOff !== null) return Math.max(0, amount - promo.amountOff);
  return amount;
}

/** One page of promo codes, newest first (keyset on createdAt, id). */
export const listPromoCodes = (em: EntityManager, args: PageArgs): Promise<Connection<PromoCode>> =>
  paginate(em, PromoCode, {}, args, { orderBy: ['createdAt', 'id'], direction: 'desc' });
