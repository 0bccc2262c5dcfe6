import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { BillingLoaders } from './loaders';
import type { BillingRuntime } from './runtime';

export type Context = SubgraphContext<BillingRuntime, BillingLoaders>;
