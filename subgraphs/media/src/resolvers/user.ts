import { forbidden } from '@lattice/server-kit';
import { canReadPrivate } from '@lattice/subgraph-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { storageStatistics } from '../service/statistics';

export const User: UserResolvers<Context> = {
  __resolveReference: ({ id }) => ({ id }),
  storage: (user, _args, { viewer, em, runtime }) => {
    if (!canReadPrivate(viewer, user.id)) throw forbidden("Only the owner and staff see a user's storage");
    return storageStatistics(em, runtime, user.id);
  },
};
