import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { SitesLoaders } from './loaders';
import type { SitesRuntime } from './runtime';

export type Context = SubgraphContext<SitesRuntime, SitesLoaders>;
