import type Stripe from 'stripe';

/** One line of an invoice still to be created: a period of a price, or a proration. */
export interface LineDraft {
  amount: number;
  description: string;
  period: { start: number; end: number };
  proration: boolean;
  price: Stripe.Price;
  quantity: number;
  subscriptionItem: string;
}

/** Billing bookkeeping that has no place on the wire objects. */
export class BillingState {
  /** Prorations waiting for their subscription's next invoice (Stripe's pending invoice items). */
  readonly pendingLines: Map<string, LineDraft[]> = new Map();
  /** The invoice an invoice's PaymentIntent pays. */
  readonly invoiceOfPaymentIntent: Map<string, string> = new Map();
  /** Each discount's coupon, kept after the coupon is deleted (existing discounts go on). */
  readonly couponOfDiscount: Map<string, Stripe.Coupon> = new Map();
  /** `once` discounts an invoice used up; dropped from their subscription at its next change. */
  readonly usedDiscounts: Set<string> = new Set();
  /** Subscriptions already sent `customer.subscription.trial_will_end`. */
  readonly trialWillEndSent: Set<string> = new Set();
}
