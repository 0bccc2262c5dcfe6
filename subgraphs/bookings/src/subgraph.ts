import { createInternalClient, defineSubgraph, startPeriodic, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import type { BookingsRuntime } from './runtime';
import { billingCredits } from './service/billing-credits';
import { eraseUserBookings } from './service/erasure';
import { runJanitor } from './service/janitor';
import { bookingsSettings } from './service/settings';

/**
 * bookings: gyms (geo and text search, opening hours in their zone, equipment, pictures,
 * staff, inductions, favourites) and sessions (seats with credits held in billing, waiting
 * lists that promote, invitations, check-ins, reviews).
 */
export const bookings = defineSubgraph({
  name: 'bookings',
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  settings: bookingsSettings,
  init({ orm, settings, config, log }): BookingsRuntime {
    const billing = createInternalClient({
      service: 'billing',
      baseUrl: settings.BILLING_URL,
      secret: config.subgraphSecret,
      caller: 'bookings',
      log,
    });
    const runtime: BookingsRuntime = {
      settings,
      credits: billingCredits(billing),
      orm,
      log,
      now: () => new Date(),
      close: () => stopJanitor(),
    };
    const stopJanitor = startPeriodic(
      () => runJanitor(runtime),
      settings.BOOKINGS_JANITOR_INTERVAL_SECONDS * 1000,
      (error) => log.error({ err: error }, 'bookings janitor pass failed'),
    );
    return runtime;
  },
  close: (runtime) => runtime.close(),
  loaders: (em) => createLoaders(em),
  consumers: {
    'identity.user_deleted': eraseUserBookings,
  },
});
