import { requireViewer } from '@lattice/subgraph-kit';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { watchTicket } from '../live/ticket-activity';
import { createLoaders } from '../loaders';

export const Subscription: SubscriptionResolvers<Context> = {
  ticketActivity: {
    // Access is checked when subscribing and again at every change (see watchTicket).
    subscribe: (_parent, { ticketId }, { viewer, runtime }) =>
      watchTicket(runtime, requireViewer(viewer), ticketId),
    // The context lives as long as the subscription: each change is read afresh, so the
    // fields under it (Ticket.messages: notes or not) see the rights the subscriber has now,
    // not the ones its loaders remembered (an agent since removed).
    resolve: (payload: { ticketActivity: unknown }, _args: unknown, context: Context) => {
      context.em = context.runtime.orm.em.fork();
      context.loaders = createLoaders(context.em);
      return payload.ticketActivity as never;
    },
  },
};
