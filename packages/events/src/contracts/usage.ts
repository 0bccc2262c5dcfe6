import type { Meter } from './billing';
import type { EventSpecs } from './define';

/** Published by any metered domain (through @lattice/entitlements) for billing to count. */
export interface UsageEvents {
  'usage.recorded': {
    version: 1;
    data: {
      userId: string;
      meter: Meter;
      amount: number;
      /** The spender's idempotency key: the same key is counted once. */
      key: string;
      /** ISO timestamps of the period the spend counts in: [periodStart, periodEnd). */
      periodStart: string;
      periodEnd: string;
      /** The limit the spend was checked against (null: unlimited, or not enforced). */
      limit: number | null;
    };
  };
}

export const usageEvents: EventSpecs<UsageEvents> = {
  'usage.recorded': { version: 1 },
};
