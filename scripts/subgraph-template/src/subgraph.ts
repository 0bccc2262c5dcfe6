import { defineSubgraph, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';

/** __name__: __description__ */
export const __name__ = defineSubgraph({
  name: '__name__',
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  loaders: (em) => createLoaders(em),
});
