// Amounts are integers in the currency's minor unit (cents), as on Stripe's wire.

const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

const SYMBOLS: Record<string, string> = {
  usd: '$',
  eur: '€',
  gbp: '£',
  jpy: '¥',
  cad: '$',
  aud: '$',
  nzd: '$',
};

/** Stripe's minimum charge amounts per currency, in minor units (50 when not listed). */
const MINIMUM_CHARGE: Record<string, number> = {
  gbp: 30,
  aed: 200,
  bgn: 100,
  czk: 1500,
  dkk: 250,
  hkd: 400,
  huf: 17500,
  mxn: 1000,
  myr: 200,
  nok: 300,
  pln: 200,
  ron: 200,
  sek: 300,
  thb: 1000,
};

export const MAXIMUM_CHARGE = 99_999_999;

export function minimumCharge(currency: string): number {
  return MINIMUM_CHARGE[currency] ?? 50;
}

/** `$12.34`, `¥500`, `12.34 SEK`: how Stripe writes amounts in its messages. */
export function formatAmount(amount: number, currency: string): string {
  const absolute = Math.abs(amount);
  const digits = ZERO_DECIMAL.has(currency)
    ? String(absolute)
    : `${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
  const sign = amount < 0 ? '-' : '';
  const symbol = SYMBOLS[currency];
  return symbol ? `${sign}${symbol}${digits}` : `${sign}${digits} ${currency.toUpperCase()}`;
}

/** `value × numerator / denominator`, rounded to the nearest integer (halves away from zero), exactly. */
export function mulDivRound(value: number, numerator: number, denominator: number): number {
  const product = BigInt(value) * BigInt(numerator);
  const divisor = BigInt(denominator);
  const negative = product < 0n !== divisor < 0n;
  const p = product < 0n ? -product : product;
  const d = divisor < 0n ? -divisor : divisor;
  const quotient = (2n * p + d) / (2n * d);
  return Number(negative ? -quotient : quotient);
}
