import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { addIntervals, type Interval } from '../core/clock';
import { formatAmount, mulDivRound } from '../core/money';
import type { LineDraft } from './state';

export function intervalOf(price: Stripe.Price): { interval: Interval; count: number } {
  const recurring = price.recurring!;
  return { interval: recurring.interval as Interval, count: recurring.interval_count };
}

/** The end of the billing period that contains `time`: the first anchor + k intervals after it. */
export function periodEndAfter(anchor: number, price: Stripe.Price, time: number): number {
  const { interval, count } = intervalOf(price);
  for (let k = 1; ; k++) {
    const end = addIntervals(anchor, interval, k * count);
    if (end > time) return end;
  }
}

export function productName(ctx: Ctx, price: Stripe.Price): string {
  const id = typeof price.product === 'string' ? price.product : price.product.id;
  return ctx.sim.store.find('product', id)?.name ?? id;
}

function formatDate(time: number): string {
  return new Date(time * 1000).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function quantityPrefix(quantity: number): string {
  return quantity === 1 ? '' : `${quantity} × `;
}

/** A full period of an item's price: "1 × Pro (at $10.00 / month)". */
export function periodLine(
  item: { id: string; price: Stripe.Price; quantity: number },
  name: string,
  period: { start: number; end: number },
): LineDraft {
  const { price, quantity } = item;
  const { interval, count } = intervalOf(price);
  const every = count === 1 ? interval : `every ${count} ${interval}s`;
  return {
    amount: (price.unit_amount ?? 0) * quantity,
    description: `${quantity} × ${name} (at ${formatAmount(price.unit_amount ?? 0, price.currency)} / ${every})`,
    period,
    proration: false,
    price,
    quantity,
    subscriptionItem: item.id,
  };
}

export function trialLine(
  item: { id: string; price: Stripe.Price; quantity: number },
  name: string,
  period: { start: number; end: number },
): LineDraft {
  return { ...periodLine(item, name, period), amount: 0, description: `Trial period for ${name}` };
}

/**
 * Stripe's proration for the rest of a period after `at`: a credit for the unused time on what
 * the item was, and a charge for the remaining time on what it becomes. Each is the full
 * period's amount × remaining seconds / period seconds, rounded to the minor unit on its own.
 */
export function prorationLines(
  change: {
    item: string;
    from?: { price: Stripe.Price; quantity: number; name: string };
    to?: { price: Stripe.Price; quantity: number; name: string };
  },
  at: number,
  period: { start: number; end: number },
): LineDraft[] {
  const remaining = period.end - at;
  const length = period.end - period.start;
  if (remaining <= 0 || length <= 0) return [];
  const lines: LineDraft[] = [];
  const span = { start: at, end: period.end };
  if (change.from) {
    const { price, quantity, name } = change.from;
    lines.push({
      amount: -mulDivRound((price.unit_amount ?? 0) * quantity, remaining, length),
      description: `Unused time on ${quantityPrefix(quantity)}${name} after ${formatDate(at)}`,
      period: span,
      proration: true,
      price,
      quantity,
      subscriptionItem: change.item,
    });
  }
  if (change.to) {
    const { price, quantity, name } = change.to;
    lines.push({
      amount: mulDivRound((price.unit_amount ?? 0) * quantity, remaining, length),
      description: `Remaining time on ${quantityPrefix(quantity)}${name} after ${formatDate(at)}`,
      period: span,
      proration: true,
      price,
      quantity,
      subscriptionItem: change.item,
    });
  }
  return lines.filter((line) => line.amount !== 0);
}
