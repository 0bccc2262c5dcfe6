import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import type Stripe from 'stripe';
import { BillingInvoice, PlanSubscription } from '../entities';
import { userOfCustomer } from './customers';
import { createdWithin } from './payments';

/** Later states win; paid, void and uncollectible are final. */
const RANK: Record<string, number> = { draft: 0, open: 1, paid: 2, void: 2, uncollectible: 2 };

/**
 * Billing's copy of a Stripe invoice, from any `invoice.*` webhook in any order: a state never
 * goes back (an `invoice.created` arriving after `invoice.paid` changes nothing), and revenue
 * is recorded once, when the copy first becomes paid. False when it is no Lattice customer's.
 */
export async function applyInvoice(em: EntityManager, invoice: Stripe.Invoice): Promise<boolean> {
  const customerId = typeof invoice.customer === 'string' ? invoice.customer : invoice.customer?.id;
  const userId = customerId && (await userOfCustomer(em, customerId));
  if (!userId || !invoice.id) return false; // not of a Lattice customer
  return em.transactional(async (tx) => {
    await tx
      .createQueryBuilder(BillingInvoice)
      .insert({
        id: crypto.randomUUID(),
        userId,
        stripeInvoiceId: invoice.id!,
        status: 'draft',
        amountDue: invoice.amount_due,
        amountPaid: 0,
        currency: invoice.currency,
        createdAt: new Date(invoice.created * 1000),
      })
      .onConflict('stripe_invoice_id')
      .ignore()
      .execute();
    const row = await tx.findOneOrFail(
      BillingInvoice,
      { stripeInvoiceId: invoice.id! },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const status = invoice.status ?? 'draft';
    if ((RANK[status] ?? 0) < (RANK[row.status] ?? 0) || (RANK[row.status] === 2 && row.status !== status))
      return true;
    const becamePaid = status === 'paid' && row.status !== 'paid';
    Object.assign(row, {
      number: invoice.number,
      status,
      amountDue: invoice.amount_due,
      amountPaid: invoice.amount_paid,
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
      pdfUrl: invoice.invoice_pdf ?? null,
      periodStart: invoice.period_start ? new Date(invoice.period_start * 1000) : null,
      periodEnd: invoice.period_end ? new Date(invoice.period_end * 1000) : null,
      reason: invoice.billing_reason,
    });
    if (becamePaid && invoice.amount_paid > 0) {
      const subscriptionId = invoice.parent?.subscription_details?.subscription;
      const stripeSubscriptionId = typeof subscriptionId === 'string' ? subscriptionId : subscriptionId?.id;
      const subscription = stripeSubscriptionId
        ? await tx.findOne(PlanSubscription, { stripeSubscriptionId })
        : null;
      recordEvent(
        tx,
        createEvent('billing.payment_succeeded', {
          actor: userId,
          subject: row.id,
          data: {
            userId,
            paymentId: row.id,
            amount: invoice.amount_paid,
            currency: invoice.currency,
            purpose: 'subscription',
            // The invoice says which plan it bills; billing's row may not exist yet (webhooks race the mutation).
            plan: invoice.parent?.subscription_details?.metadata?.plan ?? subscription?.plan ?? null,
          },
        }),
      );
    }
    await tx.flush();
    return true;
  });
}

/** One page of a user's invoices, newest first, created within [from, to). */
export function listInvoices(
  em: EntityManager,
  userId: string,
  args: PageArgs & { from?: Date | null; to?: Date | null },
): Promise<Connection<BillingInvoice>> {
  return paginate(em, BillingInvoice, { userId, ...createdWithin(args) }, args, {
    orderBy: ['createdAt', 'id'],
    direction: 'desc',
  });
}
