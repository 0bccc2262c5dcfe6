import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { InvoicingLoaders } from './loaders';
import type { InvoicingRuntime } from './runtime';

export type Context = SubgraphContext<InvoicingRuntime, InvoicingLoaders>;
