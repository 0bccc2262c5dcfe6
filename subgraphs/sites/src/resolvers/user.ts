import { forbidden } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { listSites } from '../service/sites';

export const User: UserResolvers<Context> = {
  // Identity's ids are UUIDs: anything else names no one (and never reaches a uuid column).
  __resolveReference: ({ id }) => (isUuid(id) ? { id } : null),
  sites: (user, args, context) => {
    if (context.viewer?.id !== user.id) throw forbidden('Only the user sees their sites');
    return listSites(context.em, user.id, args);
  },
};
