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
export { startPeriodic } from './periodic';
export { CommitFeed } from './commit-feed';
export { prefixQuery } from './text-search';
export { Secret, SecretSchema, storedSecret } from './stored-secret';
export { isUuid } from './pagination';
export {
  bodyFields,
  type InternalHandler,
  type InternalRequest,
  type InternalRoutes,
} from './internal-routes';
export {
  INTERNAL_MAX_BODY_BYTES,
  INTERNAL_PREFIX,
  internalStatusOf,
  isInternalPath,
  type InternalPath,
} from './internal-protocol';
export {
  createInternalClient,
  DEFAULT_INTERNAL_TIMEOUT_MS,
  internalServiceUrl,
  internalServiceVariable,
  type InternalCallOptions,
  type InternalClient,
  type InternalClientOptions,
} from './internal-client';
