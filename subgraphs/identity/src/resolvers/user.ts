import { forbidden } from '@lattice/server-kit';
import { canReadPrivate } from '@lattice/subgraph-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.userById.load(id),
  email: (user, _args, { viewer }) => {
    if (canReadPrivate(viewer, user.id)) return user.email;
    throw forbidden("Only the account's owner and staff can read its email");
  },
  lastLoginAt: (user, _args, { viewer }) => {
    if (canReadPrivate(viewer, user.id)) return user.lastLoginAt;
    throw forbidden("Only the account's owner and staff can read this");
  },
};
