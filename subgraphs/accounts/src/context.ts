import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { AccountsLoaders } from './loaders';

export type Context = SubgraphContext<undefined, AccountsLoaders>;
