import type { EventSpecs } from './define';

/** A plan's limits per period, one per meter; `null` is unlimited. */
export interface PlanLimits {
  aiTokens: number | null;
  imageGenerations: number | null;
  siteGenerations: number | null;
  storageBytes: number | null;
}

export type Meter = keyof PlanLimits;

/** Amounts are integers in the currency's minor unit (cents); currencies are ISO 4217, lower case. */
export interface BillingEvents {
  'billing.payment_succeeded': {
    version: 1;
    data: {
      userId: string;
      paymentId: string;
      amount: number;
      currency: string;
      purpose: 'credits' | 'membership' | 'subscription' | 'other';
      /** The plan a subscription payment is for. */
      plan: string | null;
    };
  };
  'billing.payment_failed': {
    version: 1;
    data: { userId: string; paymentId: string; amount: number; currency: string; declineCode: string | null };
  };
  'billing.refund_issued': {
    version: 1;
    data: {
      userId: string;
      paymentId: string;
      refundId: string;
      amount: number;
      currency: string;
      reason: 'duplicate' | 'fraudulent' | 'requested_by_customer';
    };
  };
  /**
   * A user's plan subscription changed. `monthlyAmount` is what the plan now brings per month
   * (a yearly price divided by 12, rounded down; 0 when not paying: free, trialing, paused, canceled).
   */
  'billing.plan_changed': {
    version: 1;
    data: {
      userId: string;
      change:
        'subscribed' | 'upgraded' | 'downgraded' | 'canceled' | 'paused' | 'resumed' | 'renewed' | 'ended';
      fromPlan: string;
      toPlan: string;
      status: string;
      monthlyAmount: number;
      currency: string;
    };
  };
  /**
   * What a user may spend in the current period. Metered domains keep the latest per user
   * (@lattice/entitlements) and check against it without asking billing.
   */
  'billing.entitlements_changed': {
    version: 1;
    data: {
      userId: string;
      plan: string;
      /** ISO timestamps; usage counts from periodStart and resets at periodEnd. */
      periodStart: string;
      periodEnd: string;
      limits: PlanLimits;
    };
  };
}

export const billingEvents: EventSpecs<BillingEvents> = {
  'billing.payment_succeeded': { version: 1 },
  'billing.payment_failed': { version: 1 },
  'billing.refund_issued': { version: 1 },
  'billing.plan_changed': { version: 1 },
  'billing.entitlements_changed': { version: 1 },
};
