import type { SubgraphContext } from '@lattice/subgraph-kit';
import type { NotificationsLoaders } from './loaders';
import type { NotificationsRuntime } from './runtime';

export type Context = SubgraphContext<NotificationsRuntime, NotificationsLoaders>;
