import { z } from 'zod';
import {
  createInternalClient,
  defineSubgraph,
  internalServiceUrl,
  subgraphPackage,
} from '@lattice/subgraph-kit';
import { entities } from './entities';
import { accountsInternalRoutes } from './internal-routes';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import type { AccountsRuntime } from './runtime';
import { applyAvatarChange } from './service/avatar';
import { eraseUser } from './service/erasure';
import { addInvoicedToBusinessContext } from './service/invoiced';
import { createProfileForNewUser } from './service/profiles';

/** accounts: profiles, preferences and business context of users. */
export const accounts = defineSubgraph({
  name: 'accounts',
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  // Where media listens, to check logos (set by npm start and docker-compose).
  settings: z.object({ ...internalServiceUrl('media') }),
  init: ({ log, settings, config }): AccountsRuntime => ({
    log,
    media: createInternalClient({
      service: 'media',
      baseUrl: settings.MEDIA_URL,
      secret: config.subgraphSecret,
      caller: 'accounts',
      log,
    }),
  }),
  loaders: (em) => createLoaders(em),
  consumers: {
    'identity.user_registered': (em, event) => createProfileForNewUser(em, event),
    'identity.user_deleted': (em, event) => eraseUser(em, event),
    'media.avatar_changed': (em, event) => applyAvatarChange(em, event),
    'invoicing.invoice_issued': (em, event, { log }) => addInvoicedToBusinessContext(em, event, log),
  },
  internalRoutes: accountsInternalRoutes,
});
