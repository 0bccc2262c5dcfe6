import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { __Name__Loaders } from './loaders';

export type Context = SubgraphContext<undefined, __Name__Loaders>;
