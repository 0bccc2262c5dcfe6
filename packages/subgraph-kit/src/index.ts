export { defineSubgraph, type SubgraphDefinition, type SubgraphDeps, type EventApplier } from './definition';
export type { SubgraphContext } from './context';
export { subgraphConfigFromEnv, type SubgraphConfig } from './config';
export { startSubgraph, type RunningSubgraph, type StartOptions } from './start';
export { runSubgraph } from './run';
export { alignToKeys } from './loaders';
export { createOrm, migrate } from './orm';
export { SqlCounter } from './sql-scope';
export { dateTimeScalar } from './scalars';
export { safeIntScalar } from './safe-int';
export { subgraphPackage, type SubgraphPackage } from './subgraph-package';
export {
  decodeCursor,
  encodeCursor,
  paginate,
  pageSize,
  type Connection,
  type CursorValue,
  type PageArgs,
  type PageOptions,
} from './pagination';
export { canReadPrivate, requireRole, requireViewer } from './guards';
export { PushQueue } from './push-queue';
export { Secret, SecretSchema, storedSecret } from './stored-secret';
export { isUuid } from './pagination';
