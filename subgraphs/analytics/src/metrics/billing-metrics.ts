import type { EventEnvelope, Meter } from '@lattice/events';
import { defineDomainMetrics } from './registry';

/**
 * Payments, refunds and plan changes. Amounts of money are not daily metrics (they mix
 * currencies and outgrow `DailyValue.value`): they roll up into the revenue tables instead
 * (`src/revenue/`). Facts keep ids, amounts, currencies, plans and reasons, never card or
 * customer details (the contracts carry none).
 */
export const billingMetrics = defineDomainMetrics({
  domain: 'billing',
  metrics: {
    'billing.payments': 'Payments that succeeded',
    'billing.payments_failed': 'Payments that failed',
    'billing.refunds': 'Refunds issued',
    'billing.plan_changes': 'Plan subscriptions started, changed, paused, resumed, renewed or ended',
  },
  events: {
    'billing.payment_succeeded': {
      keep: ['userId', 'paymentId', 'amount', 'currency', 'purpose', 'plan'],
      counts: [{ metric: 'billing.payments' }],
    },
    'billing.payment_failed': {
      keep: ['userId', 'paymentId', 'amount', 'currency', 'declineCode'],
      counts: [{ metric: 'billing.payments_failed' }],
    },
    'billing.refund_issued': {
      keep: ['userId', 'paymentId', 'refundId', 'amount', 'currency', 'reason'],
      counts: [{ metric: 'billing.refunds' }],
    },
    'billing.plan_changed': {
      keep: ['userId', 'change', 'fromPlan', 'toPlan', 'status', 'monthlyAmount', 'currency'],
      counts: [{ metric: 'billing.plan_changes' }],
    },
    'billing.entitlements_changed': { keep: ['userId', 'plan', 'periodStart', 'periodEnd', 'limits'] },
  },
});

/**
 * The daily metric each meter's spend adds to; null for a meter whose daily sum does not
 * fit `DailyValue.value` (a 32-bit Int: 2 GiB stored in a day pass it).
 */
const METER_METRICS: Record<Meter, string | null> = {
  aiTokens: 'usage.ai_tokens',
  imageGenerations: 'usage.image_generations',
  siteGenerations: 'usage.site_generations',
  storageBytes: null,
};

/** Metered spending (published by any metered domain, counted by billing). */
export const usageMetrics = defineDomainMetrics({
  domain: 'usage',
  metrics: {
    'usage.records': 'Usage recorded (any meter)',
    'usage.ai_tokens': 'AI tokens spent',
    'usage.image_generations': 'Images generated',
    'usage.site_generations': 'Sites generated',
  },
  events: {
    'usage.recorded': {
      // Not `key`: the spender's idempotency key, meaningless here.
      keep: ['userId', 'meter', 'amount', 'periodStart', 'periodEnd', 'limit'],
      counts: [
        { metric: 'usage.records' },
        ...Object.entries(METER_METRICS)
          .filter((entry): entry is [Meter, string] => entry[1] !== null)
          .map(([meter, metric]) => ({
            metric,
            // 0 for the other meters: the registry adds nothing for it.
            amount: (event: EventEnvelope<'usage.recorded'>) =>
              event.data.meter === meter ? event.data.amount : 0,
          })),
      ],
    },
  },
});
