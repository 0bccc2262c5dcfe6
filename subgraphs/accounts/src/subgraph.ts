import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineSubgraph } from '@lattice/subgraph-kit';
import { parse } from 'graphql';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import { createProfileForNewUser } from './service/profiles';

/** accounts: profiles, preferences and business context of users. */
export const accounts = defineSubgraph({
  name: 'accounts',
  typeDefs: parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8')),
  resolvers,
  entities,
  migrationsPath: join(__dirname, '..', 'migrations'),
  loaders: (em) => createLoaders(em),
  consumers: {
    'identity.user_registered': (em, event) => createProfileForNewUser(em, event),
  },
});
