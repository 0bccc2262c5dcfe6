import { badUserInput } from '@lattice/server-kit';

/**
 * An exact sum of money: `amount` is an integer count of the currency's minor unit as a
 * decimal string (PostgreSQL's bigint and numeric come back that way; sums outgrow both
 * GraphQL's Int and a double's exact range). Never a float.
 */
export interface Money {
  /** ISO 4217, lower case (`usd`). */
  currency: string;
  amount: string;
}

const CURRENCY = /^[a-z]{3}$/;

/** The currency a report is filtered by (lower-cased), or null for every currency. */
export function currencyFilter(currency: string | null | undefined): string | null {
  if (currency === null || currency === undefined) return null;
  const code = currency.toLowerCase();
  if (!CURRENCY.test(code))
    throw badUserInput('currency: an ISO 4217 code of 3 letters, e.g. usd', 'currency');
  return code;
}

/**
 * The currency and amount of a billing event, checked against the contracts (integers in
 * the minor unit, ISO 4217 codes in lower case): an event breaking them is refused (and so
 * dead-lettered after retries) rather than rolled up wrong.
 */
export function checkedMoney(
  type: string,
  amount: number,
  currency: string,
): { amount: number; currency: string } {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new Error(`${type}: amount must be a non-negative safe integer (minor units), got ${amount}`);
  }
  if (!CURRENCY.test(currency))
    throw new Error(`${type}: currency must be ISO 4217 in lower case, got ${currency}`);
  return { amount, currency };
}
