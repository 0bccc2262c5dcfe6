import type { InternalClient } from '@lattice/subgraph-kit';
import type { Credits, Hold } from './credits';

/**
 * Credits through billing's internal interface (its README, "Internal interface"): every call
 * is idempotent per (user, reference), and billing's refusals arrive as its own errors
 * (QUOTA_EXCEEDED with `available` and `requested`), SERVICE_UNAVAILABLE when it is down.
 */
export function billingCredits(billing: InternalClient): Credits {
  return {
    hold: (userId, amount, reference) =>
      billing.call<Hold>('/internal/credit-holds', { userId, amount, reference }),
    release: async (userId, reference) => {
      await billing.call('/internal/credit-holds/release', { userId, reference });
    },
    capture: async (userId, reference) => {
      await billing.call('/internal/credit-holds/capture', { userId, reference });
    },
  };
}
