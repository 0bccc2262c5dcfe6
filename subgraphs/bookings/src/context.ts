import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { BookingsLoaders } from './loaders';
import type { BookingsRuntime } from './runtime';

export type Context = SubgraphContext<BookingsRuntime, BookingsLoaders>;
