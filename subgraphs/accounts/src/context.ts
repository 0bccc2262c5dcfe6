import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { AccountsLoaders } from './loaders';
import type { AccountsRuntime } from './runtime';

export type Context = SubgraphContext<AccountsRuntime, AccountsLoaders>;
