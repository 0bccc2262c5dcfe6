import type { StoredLine, StoredTax } from '../entities';
import { divideHalfUp, formatDecimal, formatTrimmed, isCurrency, minorDigits, parseDecimal } from './money';

/** A draft's content as typed by the user or answered by the model, before it is checked. */
export interface DraftContent {
  client: { name: string; email?: string | null; address?: string | null; taxId?: string | null };
  currency: string;
  lines: {
    description: string;
    quantity: string;
    unit?: string | null;
    unitPrice: string;
    taxRate?: string | null;
  }[];
  dueDate?: string | null;
  notes?: string | null;
}

/** The checked content with its exact totals, as an invoice stores it. */
export interface ComputedDraft {
  clientName: string;
  clientEmail: string | null;
  clientAddress: string | null;
  clientTaxId: string | null;
  currency: string;
  lines: StoredLine[];
  taxes: StoredTax[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  dueDate: string | null;
  notes: string | null;
}

/** Why content cannot be an invoice: `field` is its path (`lines.2.unitPrice`). */
export class DraftProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_LINES = 100;
const QUANTITY_SCALE = 3;
const RATE_SCALE = 2;
const MAX_QUANTITY = 1_000_000n * 1000n;
const PERCENT = 100n * 10n ** BigInt(RATE_SCALE);

/**
 * Checks `content` (currency, quantities, prices that are exact in the currency, rates, dates
 * from `today` on) and computes its totals: each line's amount is quantity × unit price rounded
 * half up to the currency's minor unit; each tax rate applies once to the sum of its lines.
 * Throws a DraftProblem naming the first field at fault.
 */
export function computeDraft(content: DraftContent, today: string): ComputedDraft {
  const currency = content.currency.trim().toUpperCase();
  if (!isCurrency(currency))
    throw new DraftProblem('currency', `${content.currency} is not an ISO 4217 currency`);
  const digits = minorDigits(currency);
  if (content.lines.length === 0 || content.lines.length > MAX_LINES)
    throw new DraftProblem('lines', `An invoice has 1 to ${MAX_LINES} lines`);

  const baseByRate = new Map<bigint, bigint>();
  let subtotal = 0n;
  const lines = content.lines.map((line, index): StoredLine => {
    const at = (name: string) => `lines.${index}.${name}`;
    const quantity = parseDecimal(line.quantity.trim(), QUANTITY_SCALE, 7);
    if (quantity === null || quantity === 0n || quantity > MAX_QUANTITY)
      throw new DraftProblem(
        at('quantity'),
        'A quantity is a positive decimal up to 1000000, at most 3 decimals',
      );
    const unitPrice = parseDecimal(line.unitPrice.trim(), digits, 10);
    if (unitPrice === null)
      throw new DraftProblem(
        at('unitPrice'),
        `A unit price is a non-negative decimal with at most ${digits} decimals in ${currency}`,
      );
    const rate = parseDecimal((line.taxRate ?? '0').trim(), RATE_SCALE, 3);
    if (rate === null || rate > PERCENT)
      throw new DraftProblem(at('taxRate'), 'A tax rate is a percent from 0 to 100, at most 2 decimals');
    const amount = divideHalfUp(quantity * unitPrice, 10n ** BigInt(QUANTITY_SCALE));
    subtotal += amount;
    baseByRate.set(rate, (baseByRate.get(rate) ?? 0n) + amount);
    return {
      description: line.description.trim(),
      quantity: formatTrimmed(quantity, QUANTITY_SCALE),
      unit: line.unit?.trim() || null,
      unitPrice: formatDecimal(unitPrice, digits),
      taxRate: formatTrimmed(rate, RATE_SCALE),
      amount: formatDecimal(amount, digits),
    };
  });

  let tax = 0n;
  const taxes = [...baseByRate]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rate, base]): StoredTax => {
      const amount = divideHalfUp(base * rate, PERCENT);
      tax += amount;
      return {
        rate: formatTrimmed(rate, RATE_SCALE),
        base: formatDecimal(base, digits),
        amount: formatDecimal(amount, digits),
      };
    });
  const total = subtotal + tax;
  if (total > BigInt(Number.MAX_SAFE_INTEGER))
    throw new DraftProblem('lines', 'The total is too large for an invoice');

  const dueDate = content.dueDate?.trim() || null;
  if (dueDate !== null && (!isCalendarDate(dueDate) || dueDate < today))
    throw new DraftProblem('dueDate', `A due date is a day (YYYY-MM-DD) from ${today} on`);

  return {
    clientName: content.client.name.trim(),
    clientEmail: content.client.email?.trim() || null,
    clientAddress: content.client.address?.trim() || null,
    clientTaxId: content.client.taxId?.trim() || null,
    currency,
    lines,
    taxes,
    subtotalMinor: Number(subtotal),
    taxMinor: Number(tax),
    totalMinor: Number(total),
    dueDate,
    notes: content.notes?.trim() || null,
  };
}

/** Whether `text` is a real day as `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** `minor` units of `currency` as the decimal string shown. */
export const formatMoney = (minor: number, currency: string): string =>
  formatDecimal(BigInt(minor), minorDigits(currency));
