import { forbidden } from '@lattice/server-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';
import { canReadPrivate } from '@lattice/subgraph-kit';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  profile: ({ id }, _args, { viewer, loaders }) => {
    if (!canReadPrivate(viewer, id))
      throw forbidden("Only the account's owner and staff can read its profile");
    return loaders.profileByUserId.load(id);
  },
  businessContext: ({ id }, _args, { viewer, loaders }) => {
    if (!canReadPrivate(viewer, id)) {
      throw forbidden("Only the account's owner and staff can read its business context");
    }
    return loaders.businessContextByUserId.load(id);
  },
};
