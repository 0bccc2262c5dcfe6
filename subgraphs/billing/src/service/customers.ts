import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { BillingCustomer } from '../entities';
import { fromStripe } from './stripe/errors';

/**
 * The user's Stripe customer, created on their first billing action. Concurrent first
 * actions create one: Stripe replays the same idempotency key, and the row is inserted once.
 */
export async function ensureCustomer(
  em: EntityManager,
  stripe: Stripe,
  userId: string,
): Promise<BillingCustomer> {
  const existing = await em.findOne(BillingCustomer, { userId });
  if (existing) return existing;
  const customer = await stripe.customers.create(
    { metadata: { userId } },
    { idempotencyKey: `lattice:customer:${userId}` },
  );
  await em
    .createQueryBuilder(BillingCustomer)
    .insert({ userId, stripeCustomerId: customer.id, createdAt: new Date() })
    .onConflict('user_id')
    .ignore()
    .execute();
  return em.findOneOrFail(BillingCustomer, { userId }, { refresh: true });
}

/**
 * Saves a card as the customer's default for subscriptions and remembers its summary. A card
 * Stripe refuses is BAD_USER_INPUT on `field`, where the client gave it.
 */
export async function savePaymentMethod(
  em: EntityManager,
  stripe: Stripe,
  customer: BillingCustomer,
  paymentMethodId: string,
  field = 'paymentMethod',
): Promise<void> {
  if (customer.paymentMethodId === paymentMethodId) return;
  const method = await fromStripe(
    () =>
      stripe.paymentMethods.attach(
        paymentMethodId,
        { customer: customer.stripeCustomerId },
        { idempotencyKey: `lattice:attach:${customer.stripeCustomerId}:${paymentMethodId}` },
      ),
    { payment_method: field },
  );
  await stripe.customers.update(
    customer.stripeCustomerId,
    { invoice_settings: { default_payment_method: method.id } },
    { idempotencyKey: `lattice:default-method:${customer.stripeCustomerId}:${method.id}` },
  );
  customer.paymentMethodId = method.id;
  customer.cardBrand = method.card?.brand ?? null;
  customer.cardLast4 = method.card?.last4 ?? null;
  customer.cardExpMonth = method.card?.exp_month ?? null;
  customer.cardExpYear = method.card?.exp_year ?? null;
  await em.flush();
}

/** The user a Stripe customer id belongs to. */
export async function userOfCustomer(
  em: EntityManager,
  stripeCustomerId: string,
): Promise<string | undefined> {
  const customer = await em.findOne(BillingCustomer, { stripeCustomerId });
  return customer?.userId;
}
