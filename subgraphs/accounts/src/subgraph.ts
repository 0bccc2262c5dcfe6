import { defineSubgraph, subgraphPackage } from '@lattice/subgraph-kit';
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
  init: ({ log }): AccountsRuntime => ({ log }),
  loaders: (em) => createLoaders(em),
  consumers: {
    'identity.user_registered': (em, event) => createProfileForNewUser(em, event),
    'identity.user_deleted': (em, event) => eraseUser(em, event),
    'media.avatar_changed': (em, event) => applyAvatarChange(em, event),
    'invoicing.invoice_issued': (em, event, { log }) => addInvoicedToBusinessContext(em, event, log),
  },
  internalRoutes: accountsInternalRoutes,
});
