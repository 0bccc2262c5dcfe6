import { forbidden } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { userTickets } from '../service/tickets';
import { viewerIsAgent } from './guard';

export const User: UserResolvers<Context> = {
  // Identity's ids are UUIDs: anything else names no one (and never reaches a uuid column).
  __resolveReference: ({ id }) => (isUuid(id) ? { id } : null),
  tickets: async (user, { status, ...page }, context) => {
    if (context.viewer?.id !== user.id && !(await viewerIsAgent(context)))
      throw forbidden("Only the user, agents and admins see a user's tickets");
    return userTickets(context.em, user.id, status ?? null, page);
  },
};
