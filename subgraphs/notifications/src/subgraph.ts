import { defineSubgraph, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { consumers } from './service/consumers';
import { notificationsSettings } from './service/settings';
import { startNotifications } from './service/start';

/**
 * notifications: email, SMS and in-app notifications from domain events: templates per
 * locale, deliveries with retries, preferences, an inbox, live notifications.
 */
export const notifications = defineSubgraph({
  name: 'notifications',
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  settings: notificationsSettings,
  init: ({ orm, bus, config, settings, log }) =>
    startNotifications({ orm, bus, settings, log, production: config.nodeEnv === 'production' }),
  close: (runtime) => runtime.close(),
  loaders: (em) => createLoaders(em),
  consumers,
});
