/**
 * Exact decimal arithmetic for invoices: amounts are bigints of a fixed scale (minor units
 * for money, thousandths for quantities, hundredths of a percent for tax rates), parsed from
 * and printed as decimal strings. No float ever holds an amount.
 */

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Whether `code` is an ISO 4217 currency this runtime knows (upper case). */
export const isCurrency = (code: string): boolean => /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);

/** Decimals of the currency's minor unit, from ICU: EUR 2, JPY 0, KWD 3. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits!;
}

/**
 * `text` as an integer of `scale` decimals (`"12.5"` at scale 2 → 1250n), or null when it is not
 * a plain non-negative decimal with at most `scale` decimals and `maxIntegerDigits` before the point.
 */
export function parseDecimal(text: string, scale: number, maxIntegerDigits: number): bigint | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, whole, fraction = ''] = match;
  const integer = whole!.replace(/^0+(?=\d)/, '');
  if (integer.length > maxIntegerDigits || fraction.length > scale) return null;
  return BigInt(integer + fraction.padEnd(scale, '0'));
}

/** `value` of `scale` decimals as a decimal string with exactly `scale` decimals. */
export function formatDecimal(value: bigint, scale: number): string {
  const digits = value.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** `value` of `scale` decimals, without trailing zeros (`1.500` → `1.5`): for quantities and rates. */
export function formatTrimmed(value: bigint, scale: number): string {
  const text = formatDecimal(value, scale);
  return scale === 0 ? text : text.replace(/\.?0+$/, '');
}

/** `numerator / divisor` rounded half up; both ≥ 0. */
export const divideHalfUp = (numerator: bigint, divisor: bigint): bigint =>
  (numerator * 2n + divisor) / (divisor * 2n);
