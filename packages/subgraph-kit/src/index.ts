export { defineSubgraph, type SubgraphDefinition, type SubgraphDeps, type EventApplier } from './definition';
export type { SubgraphContext } from './context';
export { subgraphConfigFromEnv, type SubgraphConfig } from './config';
export { startSubgraph, type RunningSubgraph, type StartOptions } from './start';
export { runSubgraph } from './run';
export { alignToKeys, groupToKeys } from './loaders';
export { createOrm, migrate } from './orm';
export { SqlCounter } from './sql-scope';
export { dateTimeScalar } from './scalars';
