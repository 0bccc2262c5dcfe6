import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { WebhookEvent } from '../entities';
import type { BillingRuntime } from '../runtime';
import { applyInvoice } from './invoices';
import { applyPaymentIntent } from './payments';
import { applyChargeRefunds } from './refunds';
import { NotLatticeSubscription } from './subscriptions/snapshot';
import { syncSubscription } from './subscriptions/sync';

/** `ignored`: not an event, or not about an object, that Lattice keeps. */
export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies one verified Stripe event, once: its id is recorded in the transaction that applies
 * it, so a redelivery (Stripe delivers at least once) finds it and does nothing, and a
 * failure leaves nothing recorded so Stripe's retry applies it. Concurrent deliveries of one
 * event wait on the id's row; the second finds it recorded.
 */
export async function applyStripeEvent(
  em: EntityManager,
  runtime: BillingRuntime,
  event: Stripe.Event,
): Promise<WebhookOutcome> {
  return em.transactional(async (tx) => {
    const inserted = await tx
      .createQueryBuilder(WebhookEvent)
      .insert({ id: event.id, type: event.type, receivedAt: new Date() })
      .onConflict('id')
      .ignore()
      .execute('run');
    if (!inserted.affectedRows) return 'duplicate';
    return (await applyByType(tx, runtime, event)) ? 'applied' : 'ignored';
  });
}

async function applyByType(
  em: EntityManager,
  runtime: BillingRuntime,
  event: Stripe.Event,
): Promise<boolean> {
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
      if (!event.data.object.metadata?.userId) return false; // an invoice's payment, not one of ours
      return (await applyPaymentIntent(em, runtime, event.data.object)) !== null;
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      // The event's copy may be stale (out of order): the sync reads Stripe's current state.
      return applySubscription(em, runtime, event.data.object.id);
    case 'invoice.created':
    case 'invoice.finalized':
    case 'invoice.paid':
    case 'invoice.payment_failed':
    case 'invoice.voided':
      return applyInvoice(em, event.data.object);
    case 'charge.refunded':
      return applyChargeRefunds(em, event.data.object);
    default:
      return false;
  }
}

/**
 * Another product's or customer's subscription is acknowledged unchanged: answered with a
 * failure, Stripe would redeliver it for days.
 */
async function applySubscription(em: EntityManager, runtime: BillingRuntime, id: string): Promise<boolean> {
  try {
    await syncSubscription(em, runtime, id);
    return true;
  } catch (error) {
    if (error instanceof NotLatticeSubscription) return false;
    throw error;
  }
}
