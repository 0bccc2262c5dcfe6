import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import { defineSubgraph, subgraphPackage, type SubgraphDefinition } from '@lattice/subgraph-kit';
import { checkAiEvent } from './ai/contract';
import { entities } from './entities';
import { registry } from './metrics';
import { resolvers } from './resolvers';
import { recordRevenue } from './revenue/rollup';
import { ANALYTICS, type AnalyticsRuntime, createRuntime } from './runtime';
import { recordFact } from './service/facts';

/** One transaction (the consumer's): the fact, its daily rollups and, for billing, revenue. */
async function record(em: EntityManager, event: EventEnvelope, runtime: AnalyticsRuntime): Promise<void> {
  // ai's figures are summed straight from the facts: refused rather than recorded when broken.
  checkAiEvent(event);
  const fact = await recordFact(em, event, runtime.registry);
  await recordRevenue(em, event);
  runtime.feed.afterCommit(em, fact);
}

type Consumers = NonNullable<SubgraphDefinition<AnalyticsRuntime>['consumers']>;

/** analytics: facts and daily rollups of every domain event, revenue, live stats, service health. */
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
