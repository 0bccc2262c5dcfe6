import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { SupportLoaders } from './loaders';
import type { SupportRuntime } from './runtime';

export type Context = SubgraphContext<SupportRuntime, SupportLoaders>;
