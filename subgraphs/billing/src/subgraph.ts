import { createMeter, planCatalogue, usageEntities, usageRecorded } from '@lattice/entitlements';
import { defineSubgraph, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { billingInternalRoutes } from './internal-routes';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { billingRoutes } from './routes';
import type { BillingRuntime } from './runtime';
import { consumers } from './service/consumers';
import { billingSettings } from './service/settings';
import { connectStripe } from './service/stripe/client';
import { PriceBook } from './service/stripe/prices';

/**
 * billing: Stripe customers, plans and limits, plan subscriptions, payments, refunds,
 * invoices, credits ledger, memberships, promo codes, usage metering, webhook events.
 */
export const billing = defineSubgraph({
  name: 'billing',
  ...subgraphPackage(__dirname),
  resolvers,
  entities: [...entities, ...usageEntities],
  settings: billingSettings,
  async init({ orm, config, settings, log }): Promise<BillingRuntime> {
    const plans = planCatalogue(settings.PLANS);
    const stripe = await connectStripe(settings, log, config.nodeEnv === 'production');
    try {
      return {
        settings,
        plans,
        meter: createMeter({ catalogue: plans }),
        creditPacks: new Map(settings.CREDIT_PACKS.map((pack) => [pack.id, pack])),
        membershipPackages: new Map(settings.MEMBERSHIP_PACKAGES.map((pkg) => [pkg.id, pkg])),
        stripe,
        prices: await PriceBook.load(stripe.stripe, plans),
        orm,
        log,
      };
    } catch (error) {
      await stripe.simulator?.close();
      throw error;
    }
  },
  close: async (runtime) => {
    await runtime.stripe.simulator?.close();
  },
  loaders: (em) => createLoaders(em),
  consumers: { ...consumers, 'usage.recorded': usageRecorded },
  routes: billingRoutes,
  internalRoutes: billingInternalRoutes,
});
