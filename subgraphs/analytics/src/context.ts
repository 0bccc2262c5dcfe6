import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { AnalyticsRuntime } from './runtime';

export type Context = SubgraphContext<AnalyticsRuntime, Record<string, never>>;
