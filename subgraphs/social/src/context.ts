import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { SocialLoaders } from './loaders';
import type { SocialRuntime } from './runtime';

export type Context = SubgraphContext<SocialRuntime, SocialLoaders>;
