const PICOS_PER_DOLLAR = 1_000_000_000_000n;

/**
 * A decimal string of US dollars (`"0.15"`, at most 12 decimals) as picodollars, exactly.
 * Throws on anything else.
 */
export function dollarsToPicos(dollars: string): bigint {
  const match = /^(\d{1,9})(?:\.(\d{1,12}))?$/.exec(dollars);
  if (!match) throw new TypeError(`not a price in dollars: ${JSON.stringify(dollars)}`);
  const [, whole, fraction = ''] = match;
  return BigInt(whole!) * PICOS_PER_DOLLAR + BigInt(fraction.padEnd(12, '0'));
}

/** Picodollars as a decimal string of US dollars, without trailing zeros (`"0.00001845"`). */
export function picosToDollars(picos: number | bigint): string {
  const value = BigInt(picos);
  const whole = value / PICOS_PER_DOLLAR;
  const fraction = (value % PICOS_PER_DOLLAR).toString().padStart(12, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** The cost of a reply: prompt and completion tokens at their prices per million, exactly. */
export function tokenCost(
  promptTokens: number,
  completionTokens: number,
  prices: { inputPerMillion: bigint; outputPerMillion: bigint },
): bigint {
  const total =
    BigInt(promptTokens) * prices.inputPerMillion + BigInt(completionTokens) * prices.outputPerMillion;
  // Prices are per million tokens: a cost below a picodollar rounds up, never to free.
  return (total + 999_999n) / 1_000_000n;
}
