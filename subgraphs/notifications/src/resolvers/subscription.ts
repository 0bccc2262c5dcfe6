import { requireViewer } from '@lattice/subgraph-kit';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types';
import type { Notification } from '../entities';
import { watchInbox } from '../service/inbox';

export const Subscription: SubscriptionResolvers = {
  notificationAdded: {
    // The caller's own entries only: the feed is keyed by the verified viewer, never by an argument.
    subscribe: (_parent, _args, { viewer, runtime }) => watchInbox(runtime.inbox, requireViewer(viewer).id),
    resolve: (entry: Notification) => entry,
  },
};
