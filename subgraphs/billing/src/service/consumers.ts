import type { EventApplier } from '@lattice/subgraph-kit';
import { BillingCustomer, PlanSubscription } from '../entities';
import type { BillingRuntime } from '../runtime';

/**
 * A deleted account's subscription ends at once and its card is forgotten. Payments,
 * refunds and invoices stay: they are accounting records, keyed by an id that no longer
 * names anyone.
 */
const userDeleted: EventApplier<BillingRuntime, 'identity.user_deleted'> = async (em, event, runtime) => {
  const { userId } = event.data;
  const live = await em.findOne(PlanSubscription, { userId, live: true });
  if (live) {
    await runtime.stripe.stripe.subscriptions.cancel(live.stripeSubscriptionId, undefined, {
      idempotencyKey: `lattice:cancel:${live.stripeSubscriptionId}`,
    });
    Object.assign(live, { status: 'canceled', live: false, canceledAt: new Date(), updatedAt: new Date() });
  }
  await em.nativeUpdate(
    BillingCustomer,
    { userId },
    { paymentMethodId: null, cardBrand: null, cardLast4: null, cardExpMonth: null, cardExpYear: null },
  );
};

export const consumers = { 'identity.user_deleted': userDeleted };
