import { requireViewer } from '@lattice/subgraph-kit';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { watchFeed } from '../live/feed-updates';
import { createLoaders } from '../loaders';

export const Subscription: SubscriptionResolvers<Context> = {
  feedUpdated: {
    subscribe: (_parent, _args, { viewer, runtime }) => watchFeed(runtime, requireViewer(viewer).id),
    // The context lives as long as the subscription: each update is read with fresh loaders.
    resolve: (payload: { feedUpdated: unknown }, _args: unknown, context: Context) => {
      context.em = context.runtime.orm.em.fork();
      context.loaders = createLoaders(context.em);
      return payload.feedUpdated as never;
    },
  },
};
