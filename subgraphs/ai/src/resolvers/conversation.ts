import type { ConversationResolvers, MessageResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { listMessages } from '../service/conversations';
import { picosToDollars } from '../service/money';

export const Conversation: ConversationResolvers<Context> = {
  // Another user's conversation, or a deleted one, resolves to null, as if it did not exist.
  __resolveReference: async ({ id }, { viewer, loaders }) => {
    const conversation = await loaders.conversationById.load(id);
    return conversation && viewer?.id === conversation.ownerId ? conversation : null;
  },
  messages: (conversation, args, { em }) => listMessages(em, conversation.id, args),
};

export const Message: MessageResolvers<Context> = {
  __resolveReference: async ({ id }, { viewer, loaders }) => {
    const message = await loaders.messageById.load(id);
    if (!message || viewer?.id !== message.ownerId) return null;
    // A message of a deleted conversation is gone with it.
    return (await loaders.conversationById.load(message.conversationId)) ? message : null;
  },
  cost: (message) => (message.costPicos === null ? null : picosToDollars(message.costPicos)),
};
