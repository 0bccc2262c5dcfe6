import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger, RequestContext, Viewer } from '@lattice/server-kit';

/** What every resolver of a subgraph receives; built fresh for each request. */
export interface SubgraphContext<TRuntime = unknown, TLoaders = unknown> extends RequestContext {
  requestId: string;
  log: Logger;
  /** The verified caller, or null for an anonymous request. */
  viewer: Viewer | null;
  /** An EntityManager forked for this request only. */
  em: EntityManager;
  /** DataLoaders created for this request only. */
  loaders: TLoaders;
  /**
   * Who is calling, as told by the gateway (for session records, never for authorization):
   * its address, user agent, and the origin it reached the gateway at (`https://api.example.com`,
   * for URLs handed back to it), known only on requests verified as the gateway's.
   */
  client: { ip?: string; userAgent?: string; origin?: string };
  /** Process-wide state of the subgraph (keys, settings), built once at start. */
  runtime: TRuntime;
}
