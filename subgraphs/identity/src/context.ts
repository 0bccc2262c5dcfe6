import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { IdentityLoaders } from './loaders';
import type { IdentityRuntime } from './runtime';

export type Context = SubgraphContext<IdentityRuntime, IdentityLoaders>;
