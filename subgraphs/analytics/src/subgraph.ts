import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import { defineSubgraph, subgraphPackage, type SubgraphDefinition } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { registry } from './metrics';
import { resolvers } from './resolvers';
import { ANALYTICS, type AnalyticsRuntime, createRuntime } from './runtime';
import { recordFact } from './service/facts';

async function record(em: EntityManager, event: EventEnvelope, runtime: AnalyticsRuntime): Promise<void> {
  runtime.feed.afterCommit(em, await recordFact(em, event, runtime.registry));
}

type Consumers = NonNullable<SubgraphDefinition<AnalyticsRuntime>['consumers']>;

/** analytics: facts and daily rollups of every domain event, live stats, service health. */
export const analytics = defineSubgraph({
  name: ANALYTICS,
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  init: (deps) => createRuntime(deps),
  close: (runtime) => runtime.close(),
  // No entity of its own is resolved here: users are references, resolved by their owners.
  loaders: () => ({}),
  consumers: Object.fromEntries(registry.eventTypes.map((type) => [type, record])) as Consumers,
});
