import type { UserResolvers } from '../__generated__/resolvers-types';
import { listInbox } from '../service/inbox';
import { preferenceMatrix } from '../service/preference-settings';
import { requireOwner, requireOwnerOrStaff } from './guard';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  notifications: ({ id }, args, { viewer, em }) => {
    requireOwner(viewer, id, 'notifications');
    return listInbox(em, id, args);
  },
  unreadNotificationCount: ({ id }, _args, { viewer, loaders }) => {
    requireOwner(viewer, id, 'notifications');
    return loaders.unreadCountByUser.load(id);
  },
  notificationPreferences: async ({ id }, _args, { viewer, loaders }) => {
    requireOwnerOrStaff(viewer, id, 'notification preferences');
    return preferenceMatrix(await loaders.preferencesByUser.load(id));
  },
};
