import type { EntityManager, EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import type { EventBus, EventEnvelope, EventType } from '@lattice/events';
import type { Logger, Routes, TokenVerifier } from '@lattice/server-kit';
import type { DocumentNode } from 'graphql';
import type { SubgraphConfig } from './config';

/** What a subgraph's process-wide state is built from. */
export interface SubgraphDeps {
  orm: MikroORM;
  bus: EventBus;
  config: SubgraphConfig;
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
export interface SubgraphDefinition<TRuntime = unknown, TLoaders = unknown> {
  /** Subgraph name in the supergraph; also its PostgreSQL schema and its bus consumer group. */
  name: string;
  typeDefs: DocumentNode;
  /** Typed per subgraph by its generated `Resolvers` (codegen). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: Record<string, any>;
  entities: EntitySchema[];
  migrationsPath: string;
  /** Builds process-wide state once migrations are applied. */
  init?(deps: SubgraphDeps): Promise<TRuntime> | TRuntime;
  /** Creates this request's DataLoaders. */
  loaders(em: EntityManager, runtime: TRuntime): TLoaders;
  /** Events this subgraph consumes, applied exactly once each. */
  consumers?: { [T in EventType]?: EventApplier<TRuntime, T> };
  /** Extra HTTP routes (e.g. a JWKS document). */
  routes?(runtime: TRuntime): Routes;
  /** How to verify access tokens; by default, against the JWKS at config.jwksUrl. */
  tokenVerifier?(runtime: TRuntime): TokenVerifier;
  /** Closes what init opened. */
  close?(runtime: TRuntime): Promise<void>;
}

export function defineSubgraph<TRuntime, TLoaders>(
  definition: SubgraphDefinition<TRuntime, TLoaders>,
): SubgraphDefinition<TRuntime, TLoaders> {
  return definition;
}
