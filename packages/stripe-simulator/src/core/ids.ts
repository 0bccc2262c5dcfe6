import { randomInt } from 'node:crypto';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const UPPERCASE = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function randomString(length: number, alphabet: string): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}

/** A Stripe-style id: the object's prefix and a random suffix, e.g. `pi_3QkT9v…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(24, ALPHANUMERIC)}`;
}

export function newSecret(prefix: string, length = 32): string {
  return `${prefix}_${randomString(length, ALPHANUMERIC)}`;
}

/** The prefix of a customer's invoice numbers, e.g. `4F1C2D7A` in `4F1C2D7A-0001`. */
export function newInvoicePrefix(): string {
  return randomString(8, UPPERCASE);
}

/** Coupons created without an id get a short random one, as on Stripe. */
export function newCouponId(): string {
  return randomString(8, UPPERCASE);
}
