import { requireViewer } from '@lattice/subgraph-kit';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { watchTicket } from '../live/ticket-activity';

export const Subscription: SubscriptionResolvers<Context> = {
  ticketActivity: {
    // Access is checked when subscribing and again at every change (see watchTicket).
    subscribe: (_parent, { ticketId }, { viewer, runtime }) =>
      watchTicket(runtime, requireViewer(viewer), ticketId),
  },
};
