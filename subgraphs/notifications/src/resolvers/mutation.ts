import { requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { archive, markAllRead, markRead } from '../service/inbox';
import { unsubscribe, updatePreferences } from '../service/preference-settings';

export const Mutation: MutationResolvers = {
  markNotificationRead: (_parent, { id }, { viewer, em }) => markRead(em, requireViewer(viewer).id, id),
  markAllNotificationsRead: (_parent, _args, { viewer, em }) => markAllRead(em, requireViewer(viewer).id),
  archiveNotification: (_parent, { id }, { viewer, em }) => archive(em, requireViewer(viewer).id, id),
  updateNotificationPreferences: (_parent, { preferences }, { viewer, em }) =>
    updatePreferences(em, requireViewer(viewer).id, preferences),
  // No sign-in: the signed token is the authority (the link in a mail).
  unsubscribe: (_parent, { token }, { em, runtime }) => unsubscribe(em, runtime.unsubscribe, token),
};
