import { defineSubgraph, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { applyAvatarChange } from './service/avatar';
import { eraseUser } from './service/erasure';
import { createProfileForNewUser } from './service/profiles';

/** accounts: profiles, preferences and business context of users. */
export const accounts = defineSubgraph({
  name: 'accounts',
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  loaders: (em) => createLoaders(em),
  consumers: {
    'identity.user_registered': (em, event) => createProfileForNewUser(em, event),
    'identity.user_deleted': (em, event) => eraseUser(em, event),
    'media.avatar_changed': (em, event) => applyAvatarChange(em, event),
  },
});
