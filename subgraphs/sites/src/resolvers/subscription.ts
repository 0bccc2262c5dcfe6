import { requireViewer } from '@lattice/subgraph-kit';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { watchGenerations } from '../live/generation-feed';
import { createLoaders } from '../loaders';

export const Subscription: SubscriptionResolvers<Context> = {
  siteGeneration: {
    subscribe: (_parent, { siteId, after }, { viewer, runtime }) =>
      watchGenerations(runtime, requireViewer(viewer), siteId, after),
    // The context lives as long as the subscription: each event's version is read afresh.
    resolve: (payload: { siteGeneration: unknown }, _args: unknown, context: Context) => {
      context.em = context.runtime.orm.em.fork();
      context.loaders = createLoaders(context.em);
      return payload.siteGeneration as never;
    },
  },
};
