import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { now } from '../context';
import { invalidRequest } from '../core/errors';
import { newId } from '../core/ids';
import { applyMetadata, type MetadataPatch } from '../core/metadata';
import { billNewPeriod, collectSubscriptionInvoice, dropUsedDiscounts, takePendingLines } from './cycles';
import { discountsInEffect } from './discounts';
import { amountDueAfterBalance, buildInvoice, recordInvoice } from './invoices';
import { currentPeriod, newSubscriptionItem, planOf, quantityOf } from './items';
import { intervalOf, periodEndAfter, periodLine, productName, prorationLines } from './periods';
import type { LineDraft } from './state';
import { expectedCollection, incompletePaymentError, type PaymentBehavior } from './subscriptions';

export interface ItemChange {
  id?: string;
  price?: Stripe.Price;
  quantity?: number;
  deleted: boolean;
  metadata?: MetadataPatch;
}

/** A change of a subscription's items and how to bill it. */
export interface ItemChangeRequest {
  items: ItemChange[];
  prorationBehavior: 'create_prorations' | 'always_invoice' | 'none';
  /** The moment prorations are computed from (default: now). */
  prorationDate?: number;
  paymentBehavior: PaymentBehavior;
}

interface PlannedItem {
  /** The item's id, chosen now for a new item so its prorations can name it. */
  id: string;
  item?: Stripe.SubscriptionItem;
  price: Stripe.Price;
  quantity: number;
  deleted: boolean;
  metadata?: MetadataPatch;
}

function planItems(subscription: Stripe.Subscription, changes: ItemChange[]): PlannedItem[] {
  const planned: PlannedItem[] = subscription.items.data.map((item) => ({
    id: item.id,
    item,
    price: item.price,
    quantity: quantityOf(item),
    deleted: false,
  }));
  for (const [index, change] of changes.entries()) {
    if (change.id) {
      const entry = planned.find((candidate) => candidate.item?.id === change.id);
      if (!entry) {
        throw invalidRequest(`No such subscription item: '${change.id}'`, {
          code: 'resource_missing',
          param: `items[${index}][id]`,
        });
      }
      entry.price = change.price ?? entry.price;
      entry.quantity = change.quantity ?? entry.quantity;
      entry.deleted = change.deleted;
      entry.metadata = change.metadata;
    } else if (change.price) {
      planned.push({
        id: newId('si'),
        price: change.price,
        quantity: change.quantity ?? 1,
        deleted: false,
        metadata: change.metadata,
      });
    } else {
      throw invalidRequest('Missing required param: items[price].', {
        code: 'parameter_missing',
        param: `items[${index}][price]`,
      });
    }
  }
  const kept = planned.filter((entry) => !entry.deleted);
  if (kept.length === 0) {
    throw invalidRequest('A subscription must have at least one active plan.', { param: 'items' });
  }
  for (const entry of kept) {
    if (!entry.price.recurring) {
      const message =
        'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.';
      throw invalidRequest(message, { param: 'items' });
    }
    if (entry.price.currency !== subscription.currency) {
      throw invalidRequest('Currency fields must match across all plans on this subscription.', {
        param: 'items',
      });
    }
  }
  return planned;
}

function sameInterval(a: Stripe.Price, b: Stripe.Price): boolean {
  const x = intervalOf(a);
  const y = intervalOf(b);
  return x.interval === y.interval && x.count === y.count;
}

/** Stripe's proration lines for the planned item changes at `at`. */
function prorationsFor(
  ctx: Ctx,
  subscription: Stripe.Subscription,
  planned: PlannedItem[],
  at: number,
): LineDraft[] {
  const period = currentPeriod(subscription);
  return planned.flatMap((entry) => {
    const was = entry.item && {
      price: entry.item.price,
      quantity: quantityOf(entry.item),
      name: productName(ctx, entry.item.price),
    };
    const will = !entry.deleted && {
      price: entry.price,
      quantity: entry.quantity,
      name: productName(ctx, entry.price),
    };
    if (was && will && was.price.id === will.price.id && was.quantity === will.quantity) return [];
    return prorationLines({ item: entry.id, from: was || undefined, to: will || undefined }, at, period);
  });
}

function applyItems(ctx: Ctx, subscription: Stripe.Subscription, planned: PlannedItem[]): void {
  const period = currentPeriod(subscription);
  const items: Stripe.SubscriptionItem[] = [];
  for (const entry of planned) {
    if (entry.deleted) {
      if (entry.item) ctx.sim.store.remove('subscription_item', entry.item.id);
      continue;
    }
    const item =
      entry.item ??
      ctx.sim.store.insert(
        'subscription_item',
        newSubscriptionItem(
          ctx,
          subscription.id,
          { price: entry.price, quantity: entry.quantity, metadata: {} },
          period,
          entry.id,
        ),
      );
    item.price = entry.price;
    item.plan = planOf(entry.price);
    item.quantity = entry.quantity;
    applyMetadata(item.metadata, entry.metadata);
    items.push(item);
  }
  subscription.items.data = items;
}

export interface ItemChangePlan {
  planned: PlannedItem[];
  prorations: LineDraft[];
  intervalChanged: boolean;
}

/**
 * Plans an item change without touching anything, and refuses it up front when
 * `payment_behavior` forbids a failing payment and the invoice it brings would fail.
 */
export function planItemChange(
  ctx: Ctx,
  subscription: Stripe.Subscription,
  update: ItemChangeRequest,
  paymentMethod: string | null,
): ItemChangePlan {
  const planned = planItems(subscription, update.items);
  const at = update.prorationDate ?? now(ctx);
  const kept = planned.filter((entry) => !entry.deleted);
  const intervalChanged = !sameInterval(kept[0]!.price, subscription.items.data[0]!.price);
  if (intervalChanged && !kept.every((entry) => sameInterval(entry.price, kept[0]!.price))) {
    throw invalidRequest('Interval fields must match across all plans on this subscription.', {
      param: 'items',
    });
  }
  const trialing = subscription.status === 'trialing';
  const prorations =
    trialing || update.prorationBehavior === 'none' ? [] : prorationsFor(ctx, subscription, planned, at);
  const plan = { planned, prorations, intervalChanged: intervalChanged && !trialing };

  const strict =
    update.paymentBehavior === 'error_if_incomplete' || update.paymentBehavior === 'pending_if_incomplete';
  const invoicesNow =
    plan.intervalChanged || (update.prorationBehavior === 'always_invoice' && prorations.length > 0);
  if (strict && invoicesNow) {
    const start = now(ctx);
    const lines = plan.intervalChanged
      ? [
          ...prorations.filter((line) => line.amount < 0),
          ...kept.map((entry) => {
            const period = { start, end: periodEndAfter(start, entry.price, start) };
            return periodLine(
              { id: '', price: entry.price, quantity: entry.quantity },
              productName(ctx, entry.price),
              period,
            );
          }),
        ]
      : [...(ctx.sim.billing.pendingLines.get(subscription.id) ?? []), ...prorations];
    const draft = buildInvoice(ctx, {
      subscription,
      reason: 'subscription_update',
      lines,
      period: { start, end: start },
      discounts: discountsInEffect(ctx, subscription, start),
    });
    const due = amountDueAfterBalance(ctx, draft);
    const expected = expectedCollection(
      ctx,
      due,
      draft.currency,
      subscription.collection_method,
      paymentMethod,
      true,
    );
    if (expected === 'payment_failed') throw incompletePaymentError(ctx, paymentMethod);
  }
  return plan;
}

/**
 * Changes the items (prices, quantities), prorating per `proration_behavior`: `create_prorations`
 * leaves the prorations for the next invoice, `always_invoice` invoices them now, `none` changes
 * the price from the next period on. A new interval restarts the billing cycle now and invoices
 * the new period at once, as Stripe does.
 */
export function changeItems(
  ctx: Ctx,
  subscription: Stripe.Subscription,
  update: ItemChangeRequest,
  plan: ItemChangePlan,
): void {
  const { planned, prorations } = plan;
  applyItems(ctx, subscription, planned);
  if (plan.intervalChanged) {
    subscription.billing_cycle_anchor = now(ctx);
    billNewPeriod(ctx, subscription, {
      at: now(ctx),
      reason: 'subscription_update',
      invoicePeriod: { start: now(ctx), end: now(ctx) },
      extraLines: prorations.filter((line) => line.amount < 0),
    });
    return;
  }
  if (prorations.length === 0) return;
  const pending = ctx.sim.billing.pendingLines;
  pending.set(subscription.id, [...(pending.get(subscription.id) ?? []), ...prorations]);
  if (update.prorationBehavior !== 'always_invoice') return;
  dropUsedDiscounts(ctx, subscription);
  const invoice = buildInvoice(ctx, {
    subscription,
    reason: 'subscription_update',
    lines: takePendingLines(ctx, subscription),
    period: { start: now(ctx), end: now(ctx) },
    discounts: discountsInEffect(ctx, subscription, now(ctx)),
  });
  recordInvoice(ctx, invoice, subscription);
  collectSubscriptionInvoice(ctx, subscription, invoice);
}
