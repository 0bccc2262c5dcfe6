import type { PlanCatalogue, UsageMeter } from '@lattice/entitlements';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@lattice/server-kit';
import type { BillingSettings, CreditPack, MembershipPackage } from './service/settings';
import type { StripeConnection } from './service/stripe/client';
import type { PriceBook } from './service/stripe/prices';

/** Billing's process-wide state, built by `init`. */
export interface BillingRuntime {
  settings: BillingSettings;
  plans: PlanCatalogue;
  /** Billing's view of each user's usage (metered domains enforce with their own). */
  meter: UsageMeter;
  creditPacks: ReadonlyMap<string, CreditPack>;
  membershipPackages: ReadonlyMap<string, MembershipPackage>;
  stripe: StripeConnection;
  prices: PriceBook;
  orm: MikroORM;
  log: Logger;
}
