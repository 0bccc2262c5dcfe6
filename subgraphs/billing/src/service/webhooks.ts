import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { WebhookEvent } from '../entities';
import type { BillingRuntime } from '../runtime';
import { applyInvoice } from './invoices';
import { applyPaymentIntent } from './payments';
import { applyChargeRefunds } from './refunds';
import { syncSubscription } from './subscriptions/sync';

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
      await applyPaymentIntent(em, runtime, event.data.object);
      return true;
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      // The event's copy may be stale (out of order): the sync reads Stripe's current state.
      await syncSubscription(em, runtime, event.data.object.id);
      return true;
    case 'invoice.created':
    case 'invoice.finalized':
    case 'invoice.paid':
    case 'invoice.payment_failed':
    case 'invoice.voided':
      await applyInvoice(em, event.data.object);
      return true;
    case 'charge.refunded':
      await applyChargeRefunds(em, event.data.object);
      return true;
    default:
      return false;
  }
}
