import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { MediaLoaders } from './loaders';
import type { MediaRuntime } from './runtime';

export type Context = SubgraphContext<MediaRuntime, MediaLoaders>;
