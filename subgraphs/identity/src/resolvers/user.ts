import { forbidden } from '@lattice/server-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';

const STAFF = new Set(['admin', 'moderator']);

export const User: UserResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.userById.load(id),
  email: (user, _args, { viewer }) => {
    if (viewer && (viewer.id === user.id || STAFF.has(viewer.role))) return user.email;
    throw forbidden("Only the account's owner and staff can read its email");
  },
};
