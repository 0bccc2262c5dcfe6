import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, conflict, notFound, validateInput } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import Stripe from 'stripe';
import { z } from 'zod';
import { Payment, type PaymentStatus } from '../entities';
import type { BillingRuntime } from '../runtime';
import { grantCredits } from './credits';
import { ensureCustomer } from './customers';
import { grantMembership } from './memberships';
import { isUuid } from './credits/validation';
import { sameRequest } from './payment-requests';
import { discountedAmount, redeemPromoCode, releasePromoRedemption } from './promo-codes';
import { clientErrorOf, fromStripe, paymentFailed, type StripeFields } from './stripe/errors';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));
export const MIN_AMOUNT = 50;
export const MAX_AMOUNT = 99_999_999;

const createInput = z.object({
  amount: z.number().int().min(MIN_AMOUNT).max(MAX_AMOUNT).nullish(),
  currency: z
    .string()
    .transform((code) => code.toLowerCase())
    .refine((code) => CURRENCIES.has(code), 'not an ISO 4217 currency')
    .nullish(),
  purpose: z.enum(['credits', 'membership', 'subscription', 'other']),
  creditPack: z.string().max(64).nullish(),
  membershipPackage: z.string().max(64).nullish(),
  description: z.string().trim().max(500).nullish(),
  promoCode: z.string().trim().min(1).max(64).nullish(),
  paymentMethod: z.string().trim().min(1).max(255).nullish(),
});
const idempotencyKey = z.string().min(8).max(200);

/** Final: a payment in these states never changes again. */
const TERMINAL: ReadonlySet<PaymentStatus> = new Set(['succeeded', 'canceled']);

/** Stripe's answer to confirming an intent that is no longer waiting for a card. */
const UNEXPECTED_STATE = 'payment_intent_unexpected_state';

/** Stripe's refusals of a new PaymentIntent, on the input they came from. */
const CREATE_FIELDS: StripeFields = {
  amount: 'input.amount',
  currency: 'input.currency',
  idempotency: 'idempotencyKey',
};

/**
 * Starts a payment. The client's `key` makes the mutation safe to retry: the same key with the
 * same input answers the same payment (confirmed with the retry's card if the first attempt
 * was lost before confirming), and Stripe's idempotency key (derived from it) creates one
 * PaymentIntent even when the first answer was lost between Stripe and here. The key reused
 * for another payment is CONFLICT, so a client never gets a payment it did not ask for.
 */
export async function createPayment(
  em: EntityManager,
  runtime: BillingRuntime,
  userId: string,
  rawInput: unknown,
  key: string,
): Promise<Payment> {
  validateInput(idempotencyKey, key, 'idempotencyKey');
  const input = validateInput(createInput, rawInput, 'input');
  const priced = priceOf(runtime, input);
  const existing = await em.findOne(Payment, { userId, idempotencyKey: key });
  if (existing) {
    const request = {
      ...priced,
      purpose: input.purpose,
      description: input.description ?? null,
      promoCode: input.promoCode ?? null,
    };
    if (!(await sameRequest(em, existing, request))) {
      throw conflict('idempotencyKey: already used for another payment; use a new key', 'idempotencyKey');
    }
    if (!input.paymentMethod || TERMINAL.has(existing.status)) return existing;
    return confirmPayment(em, runtime, userId, existing.id, input.paymentMethod, 'input.paymentMethod');
  }
  const { stripe } = runtime.stripe;
  const customer = await ensureCustomer(em, stripe, userId);
  const promo = input.promoCode
    ? await em.transactional((tx) =>
        redeemPromoCode(tx, { userId, code: input.promoCode!, currency: priced.currency }),
      )
    : undefined;
  try {
    const amount = promo ? discountedAmount(promo, priced.amount) : priced.amount;
    if (amount < MIN_AMOUNT)
      throw badUserInput(`input.promoCode: leaves less than the minimum charge`, 'input.promoCode');
    const intent = await fromStripe(
      () =>
        stripe.paymentIntents.create(
          {
            amount,
            currency: priced.currency,
            customer: customer.stripeCustomerId,
            description: input.description ?? undefined,
            metadata: { userId, purpose: input.purpose, ...(priced.item ? { item: priced.item } : {}) },
          },
          { idempotencyKey: `lattice:payment:${userId}:${key}` },
        ),
      CREATE_FIELDS,
    );
    await em
      .createQueryBuilder(Payment)
      .insert({
        id: crypto.randomUUID(),
        userId,
        stripePaymentIntentId: intent.id,
        amount,
        currency: priced.currency,
        purpose: input.purpose,
        status: statusOf(intent),
        amountRefunded: 0,
        description: input.description ?? null,
        clientSecret: intent.client_secret,
        creditPack: input.purpose === 'credits' ? priced.item : null,
        membershipPackage: input.purpose === 'membership' ? priced.item : null,
        promoCodeId: promo?.id ?? null,
        idempotencyKey: key,
        createdAt: new Date(),
      })
      .onConflict(['user_id', 'idempotency_key'])
      .ignore()
      .execute();
  } catch (error) {
    if (promo) await releasePromoRedemption(em, { userId, promoCodeId: promo.id });
    throw error;
  }
  const payment = await em.findOneOrFail(Payment, { userId, idempotencyKey: key }, { refresh: true });
  if (input.paymentMethod)
    return confirmPayment(em, runtime, userId, payment.id, input.paymentMethod, 'input.paymentMethod');
  return payment;
}

function priceOf(
  runtime: BillingRuntime,
  input: z.infer<typeof createInput>,
): { amount: number; currency: string; item: string | null } {
  if (input.purpose === 'credits' || input.purpose === 'membership') {
    const [field, catalogue] =
      input.purpose === 'credits'
        ? (['creditPack', runtime.creditPacks] as const)
        : (['membershipPackage', runtime.membershipPackages] as const);
    const id = input[field];
    const item = id ? catalogue.get(id) : undefined;
    if (!item)
      throw badUserInput(`input.${field}: name one of ${[...catalogue.keys()].join(', ')}`, `input.${field}`);
    if (input.amount != null && input.amount !== item.price) {
      throw badUserInput(`input.amount: ${id} costs ${item.price}`, 'input.amount');
    }
    return { amount: item.price, currency: item.currency, item: item.id };
  }
  if (input.amount == null) throw badUserInput('input.amount: required', 'input.amount');
  if (!input.currency) throw badUserInput('input.currency: required', 'input.currency');
  return { amount: input.amount, currency: input.currency, item: null };
}

/**
 * Confirms with a card. A decline is recorded on the payment and answered PAYMENT_FAILED; a
 * payment method Stripe refuses is BAD_USER_INPUT on `field`. A payment Stripe already took
 * (confirmed elsewhere, or an answer lost on its way here) is answered as it is, charged once.
 */
export async function confirmPayment(
  em: EntityManager,
  runtime: BillingRuntime,
  userId: string,
  paymentId: string,
  paymentMethod: string,
  field = 'paymentMethod',
): Promise<Payment> {
  validateInput(z.string().trim().min(1).max(255), paymentMethod, field);
  const payment = isUuid(paymentId) ? await em.findOne(Payment, { id: paymentId, userId }) : null;
  if (!payment) throw notFound('No such payment');
  if (TERMINAL.has(payment.status)) return payment;
  const { stripe } = runtime.stripe;
  try {
    const intent = await stripe.paymentIntents.confirm(
      payment.stripePaymentIntentId,
      { payment_method: paymentMethod },
      { idempotencyKey: `lattice:confirm:${payment.id}:${paymentMethod}` },
    );
    return (await applyPaymentIntent(em, runtime, intent)) ?? payment;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const intent =
        error.payment_intent ?? (await stripe.paymentIntents.retrieve(payment.stripePaymentIntentId));
      await applyPaymentIntent(em, runtime, intent);
      throw paymentFailed(error, payment.id);
    }
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === UNEXPECTED_STATE) {
      const intent = await stripe.paymentIntents.retrieve(payment.stripePaymentIntentId);
      return (await applyPaymentIntent(em, runtime, intent)) ?? payment;
    }
    throw clientErrorOf(error, { payment_method: field }) ?? error;
  }
}

export function statusOf(intent: Stripe.PaymentIntent): PaymentStatus {
  if (intent.status === 'requires_payment_method' && intent.last_payment_error) return 'failed';
  const known: readonly PaymentStatus[] = [
    'succeeded',
    'canceled',
    'processing',
    'requires_payment_method',
    'requires_confirmation',
  ];
  return known.find((status) => status === intent.status) ?? 'processing';
}

/**
 * Billing's copy of a PaymentIntent, from a confirmation's answer or a webhook. Succeeded and
 * canceled are final, so a late `payment_failed` never undoes a success; a success delivers
 * what was bought once (the conditional update on `fulfilled_at`).
 */
export async function applyPaymentIntent(
  em: EntityManager,
  runtime: BillingRuntime,
  intent: Stripe.PaymentIntent,
): Promise<Payment | null> {
  return em.transactional(async (tx) => {
    const payment = await tx.findOne(
      Payment,
      { stripePaymentIntentId: intent.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!payment) return null; // not made through Lattice
    if (TERMINAL.has(payment.status)) return payment;
    const status = statusOf(intent);
    const before = payment.status;
    payment.status = status;
    payment.declineCode = intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? null;
    payment.failureMessage = intent.last_payment_error?.message ?? null;
    if (status === 'succeeded') {
      payment.succeededAt = new Date(intent.created * 1000 > Date.now() ? intent.created * 1000 : Date.now());
      payment.declineCode = null;
      payment.failureMessage = null;
      await fulfil(tx, runtime, payment);
    }
    if (status === 'failed' && before !== 'failed') {
      recordEvent(
        tx,
        createEvent('billing.payment_failed', {
          actor: payment.userId,
          subject: payment.id,
          data: {
            userId: payment.userId,
            paymentId: payment.id,
            amount: payment.amount,
            currency: payment.currency,
            declineCode: payment.declineCode,
          },
        }),
      );
    }
    await tx.flush();
    return payment;
  });
}

async function fulfil(em: EntityManager, runtime: BillingRuntime, payment: Payment): Promise<void> {
  if (payment.fulfilledAt) return;
  payment.fulfilledAt = new Date();
  if (payment.purpose === 'credits' && payment.creditPack) {
    const pack = runtime.creditPacks.get(payment.creditPack);
    if (pack) {
      await grantCredits(em, {
        userId: payment.userId,
        amount: pack.credits,
        bucket: 'purchased',
        kind: 'purchase',
        reason: `pack ${pack.id}`,
        key: `payment:${payment.id}`,
      });
    }
  }
  if (payment.purpose === 'membership' && payment.membershipPackage) {
    const pkg = runtime.membershipPackages.get(payment.membershipPackage);
    if (pkg)
      await grantMembership(em, { userId: payment.userId, pkg, source: 'purchase', paymentId: payment.id });
  }
  recordEvent(
    em,
    createEvent('billing.payment_succeeded', {
      actor: payment.userId,
      subject: payment.id,
      data: {
        userId: payment.userId,
        paymentId: payment.id,
        amount: payment.amount,
        currency: payment.currency,
        purpose: payment.purpose,
        plan: payment.plan,
      },
    }),
  );
}

/** One page of a user's payments, newest first, created within [from, to). */
export function listPayments(
  em: EntityManager,
  userId: string,
  args: PageArgs & { from?: Date | null; to?: Date | null },
): Promise<Connection<Payment>> {
  return paginate(em, Payment, { userId, ...createdWithin(args) }, args, {
    orderBy: ['createdAt', 'id'],
    direction: 'desc',
  });
}

export function createdWithin({ from, to }: { from?: Date | null; to?: Date | null }) {
  if (from && to && from >= to) throw badUserInput('from: must be before to', 'from');
  const range = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
  return Object.keys(range).length ? { createdAt: range } : {};
}
