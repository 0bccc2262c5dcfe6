import { forbidden } from '@lattice/server-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';

const STAFF = new Set(['admin', 'moderator']);

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  profile: ({ id }, _args, { viewer, loaders }) => {
    if (!viewer || (viewer.id !== id && !STAFF.has(viewer.role))) {
      throw forbidden("Only the account's owner and staff can read its profile");
    }
    return loaders.profileByUserId.load(id);
  },
};
