import type { EntityManager, EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { EventBus, EventEnvelope, EventType } from '@lattice/events';
import type { Logger, Routes, TokenVerifier } from '@lattice/server-kit';
import type { DocumentNode } from 'graphql';
import type { SubgraphConfig } from './config';
import type { InternalRoutes } from './internal-routes';

/** What a subgraph's process-wide state is built from. */
export interface SubgraphDeps<TSettings = unknown> {
  orm: MikroORM;
  bus: EventBus;
  config: SubgraphConfig;
  /** The subgraph's own settings, parsed from the environment by its `settings` schema. */
  settings: TSettings;
  log: Logger;
}

/** Applies one consumed event inside the transaction that also records it as processed. */
export type EventApplier<TRuntime, T extends EventType = EventType> = (
  em: EntityManager,
  event: EventEnvelope<T>,
  runtime: TRuntime,
) => Promise<void>;

/**
 * A subgraph is this description: schema, resolvers, entities and a few hooks. The kit
 * turns it into a running server (see startSubgraph).
 */
export interface SubgraphDefinition<TRuntime = unknown, TLoaders = unknown, TSettings = unknown> {
  /**
   * Subgraph name in the supergraph; also its folder (`subgraphs/<name>`), its package suffix
   * (`@lattice/subgraph-<name>`), its PostgreSQL schema and its bus consumer group.
   */
  name: string;
  typeDefs: DocumentNode;
  /** The port it listens on unless PORT says otherwise. */
  port: number;
  /** Typed per subgraph by its generated `Resolvers` (codegen). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: Record<string, any>;
  entities: EntitySchema[];
  migrationsPath: string;
  /**
   * The subgraph's own environment variables, parsed at boot before migrations run: every
   * problem is reported at once and the process does not start.
   */
  settings?: z.ZodType<TSettings>;
  /** Builds process-wide state once migrations are applied. */
  init?(deps: SubgraphDeps<TSettings>): Promise<TRuntime> | TRuntime;
  /** Creates this request's DataLoaders. */
  loaders(em: EntityManager, runtime: TRuntime): TLoaders;
  /** Events this subgraph consumes, applied exactly once each. */
  consumers?: { [T in EventType]?: EventApplier<TRuntime, T> };
  /** Extra HTTP routes (e.g. a JWKS document); none under `/internal/` (see internalRoutes). */
  routes?(runtime: TRuntime): Routes;
  /**
   * Decisions other subgraphs ask for synchronously (`POST /internal/<name>` on this
   * subgraph's own port, never through the gateway): JSON in, `{ result }` or `{ error }` out,
   * each request signed with SUBGRAPH_SECRET by a Lattice service (internal-routes.ts); callers
   * use `createInternalClient`. Without SUBGRAPH_SECRET they refuse every request.
   */
  internalRoutes?(runtime: TRuntime): InternalRoutes;
  /** How to verify access tokens; by default, against the JWKS at config.jwksUrl. */
  tokenVerifier?(runtime: TRuntime): TokenVerifier;
  /** Closes what init opened. */
  close?(runtime: TRuntime): Promise<void>;
}

export function defineSubgraph<TRuntime, TLoaders, TSettings = undefined>(
  definition: SubgraphDefinition<TRuntime, TLoaders, TSettings>,
): SubgraphDefinition<TRuntime, TLoaders, TSettings> {
  return definition;
}
