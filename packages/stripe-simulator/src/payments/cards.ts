import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { Ctx } from '../context';
import { now } from '../context';
import { resourceMissing } from '../core/errors';

/** Why a card is declined, as the charge error reports it. */
export interface Decline {
  code: string;
  decline_code: string;
  message: string;
}

interface TestCard {
  brand: string;
  last4: string;
  funding: 'credit' | 'debit';
  decline?: Decline;
}

const declined = (
  decline_code: string,
  message = 'Your card was declined.',
  code = 'card_declined',
): Decline => ({
  code,
  decline_code,
  message,
});

/**
 * Stripe's test payment methods, usable as ids wherever a payment method is expected. A card's
 * behaviour follows its number (its last four digits), also once attached as a new `pm_` object.
 * Unlike Stripe, attaching a declining card succeeds, so failed renewals can be simulated with it.
 */
const TEST_CARDS: Record<string, TestCard> = {
  pm_card_visa: { brand: 'visa', last4: '4242', funding: 'credit' },
  pm_card_visa_debit: { brand: 'visa', last4: '5556', funding: 'debit' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', funding: 'credit' },
  pm_card_amex: { brand: 'amex', last4: '8431', funding: 'credit' },
  pm_card_chargeCustomerFail: {
    brand: 'visa',
    last4: '0341',
    funding: 'credit',
    decline: declined('generic_decline'),
  },
  pm_card_chargeDeclined: {
    brand: 'visa',
    last4: '0002',
    funding: 'credit',
    decline: declined('generic_decline'),
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    brand: 'visa',
    last4: '9995',
    funding: 'credit',
    decline: declined('insufficient_funds', 'Your card has insufficient funds.'),
  },
  pm_card_chargeDeclinedFraudulent: {
    brand: 'visa',
    last4: '0019',
    funding: 'credit',
    decline: declined('fraudulent'),
  },
  pm_card_chargeDeclinedLostCard: {
    brand: 'visa',
    last4: '9987',
    funding: 'credit',
    decline: declined('lost_card'),
  },
  pm_card_chargeDeclinedStolenCard: {
    brand: 'visa',
    last4: '9979',
    funding: 'credit',
    decline: declined('stolen_card'),
  },
  pm_card_chargeDeclinedExpiredCard: {
    brand: 'visa',
    last4: '0069',
    funding: 'credit',
    decline: declined('expired_card', 'Your card has expired.', 'expired_card'),
  },
  pm_card_chargeDeclinedIncorrectCvc: {
    brand: 'visa',
    last4: '0127',
    funding: 'credit',
    decline: declined('incorrect_cvc', "Your card's security code is incorrect.", 'incorrect_cvc'),
  },
  pm_card_chargeDeclinedProcessingError: {
    brand: 'visa',
    last4: '0119',
    funding: 'credit',
    decline: declined(
      'processing_error',
      'An error occurred while processing your card. Try again in a little bit.',
      'processing_error',
    ),
  },
};

const CARDS_BY_LAST4 = new Map(Object.values(TEST_CARDS).map((card) => [card.last4, card]));

export function isTestPaymentMethod(id: string): boolean {
  return id in TEST_CARDS;
}

/** How a charge on this payment method ends: undefined when it succeeds. */
export function declineOf(paymentMethod: Stripe.PaymentMethod): Decline | undefined {
  return CARDS_BY_LAST4.get(paymentMethod.card?.last4 ?? '')?.decline;
}

export function cardPaymentMethod(
  ctx: Ctx,
  id: string,
  card: TestCard,
  customer: string | null,
): Stripe.PaymentMethod {
  const today = new Date(now(ctx) * 1000);
  return {
    id,
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'unchecked' },
      country: 'US',
      display_brand: card.brand,
      exp_month: today.getUTCMonth() + 1,
      exp_year: today.getUTCFullYear() + 3,
      fingerprint: createHash('sha256').update(`${card.brand}${card.last4}`).digest('base64url').slice(0, 16),
      funding: card.funding,
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: now(ctx),
    customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
}

/** The card a test payment method id stands for. */
export function testCard(id: string): TestCard | undefined {
  return TEST_CARDS[id];
}

/**
 * A payment method by id: a stored one, or a test token (`pm_card_visa`), which stands for a
 * fresh card each time and is not stored.
 */
export function paymentMethodFor(ctx: Ctx, id: string, param?: string): Stripe.PaymentMethod {
  const stored = ctx.sim.store.find('payment_method', id);
  if (stored) return stored;
  const card = TEST_CARDS[id];
  if (card) return cardPaymentMethod(ctx, id, card, null);
  throw resourceMissing('payment_method', id, param);
}
