import type { NotificationCategory, NotificationResolvers } from '../__generated__/resolvers-types';
import { ownedBy } from './guard';

export const Notification: NotificationResolvers = {
  __resolveReference: async ({ id }, { viewer, loaders }) =>
    ownedBy(viewer, await loaders.notificationById.load(id)),
  category: (entry) => entry.category as NotificationCategory,
  read: (entry) => entry.readAt != null,
  archived: (entry) => entry.archivedAt != null,
};
