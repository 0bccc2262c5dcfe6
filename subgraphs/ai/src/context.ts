import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { AiLoaders } from './loaders';
import type { AiRuntime } from './runtime';

export type Context = SubgraphContext<AiRuntime, AiLoaders>;
