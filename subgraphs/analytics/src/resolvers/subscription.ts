import { badUserInput } from '@lattice/server-kit';
import { requireRole } from '@lattice/subgraph-kit';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types';
import type { Snapshot } from '../live/live-stats';
import type { LiveFigures } from '../runtime';
import type { PlatformEventRecord } from '../service/facts';

export const Subscription: SubscriptionResolvers = {
  liveStats: {
    subscribe: (_parent, { intervalSeconds }, { viewer, runtime }) => {
      requireRole(viewer, 'admin');
      const interval = intervalSeconds ?? 5;
      if (!Number.isInteger(interval) || interval < 1 || interval > 300) {
        throw badUserInput('intervalSeconds: must be between 1 and 300', 'intervalSeconds');
      }
      return runtime.liveStats.watch(interval);
    },
    resolve: (snapshot: Snapshot<LiveFigures>) => ({ at: snapshot.at, ...snapshot.figures }),
  },
  platformEvents: {
    subscribe: (_parent, { types }, { viewer, runtime }) => {
      requireRole(viewer, 'admin');
      if (types) {
        const unknown = types.filter((type) => !runtime.registry.isEventType(type));
        if (unknown.length || !types.length) {
          throw badUserInput(
            unknown.length
              ? `types: unknown event types ${unknown.join(', ')}`
              : 'types: give at least one type, or none for all',
            'types',
          );
        }
      }
      return runtime.feed.subscribe(types ? new Set(types) : null);
    },
    resolve: (record: PlatformEventRecord) => record,
  },
};
