import { requireViewer } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { findConversation, listConversations } from '../service/conversations';
import { exportConversation } from '../service/export';

export const Query: QueryResolvers<Context> = {
  models: (_parent, _args, { runtime }) => runtime.models.list(),
  conversations: (_parent, args, { viewer, em }) => listConversations(em, requireViewer(viewer).id, args),
  conversation: (_parent, { id }, { viewer, em }) => findConversation(em, requireViewer(viewer).id, id),
  exportConversation: (_parent, { id, format }, { viewer, em }) =>
    exportConversation(em, requireViewer(viewer).id, id, format),
};
