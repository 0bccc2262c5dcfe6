import { requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { cancelGeneration, regenerateReply, sendMessage } from '../service/chat';
import { createConversation, deleteConversation, renameConversation } from '../service/conversations';
import { deleteImage, generateImage } from '../service/images';

// Every mutation acts for the caller: none takes a user id.
export const Mutation: MutationResolvers<Context> = {
  createConversation: (_parent, { input }, { viewer, em, runtime }) =>
    createConversation(em, runtime, requireViewer(viewer).id, input),
  renameConversation: (_parent, { id, title }, { viewer, em }) =>
    renameConversation(em, requireViewer(viewer).id, id, title),
  deleteConversation: (_parent, { id }, { viewer, em, runtime }) =>
    deleteConversation(em, runtime, requireViewer(viewer).id, id),
  sendMessage: (_parent, { conversationId, content }, { viewer, em, runtime }) =>
    sendMessage(em, runtime, requireViewer(viewer).id, conversationId, content),
  regenerateReply: (_parent, { conversationId }, { viewer, em, runtime }) =>
    regenerateReply(em, runtime, requireViewer(viewer).id, conversationId),
  cancelGeneration: (_parent, { conversationId }, { viewer, em, runtime }) =>
    cancelGeneration(em, runtime, requireViewer(viewer).id, conversationId),
  generateImage: (_parent, args, { viewer, em, runtime }) =>
    generateImage(em, runtime, requireViewer(viewer).id, args),
  deleteImage: (_parent, { id }, { viewer, em }) => deleteImage(em, requireViewer(viewer).id, id),
};
