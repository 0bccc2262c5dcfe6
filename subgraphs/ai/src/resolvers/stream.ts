import { requireViewer } from '@lattice/subgraph-kit';
import type { MessageStreamEventResolvers, SubscriptionResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import type { Message } from '../entities';
import type { StreamEvent } from '../live/reply-stream';
import { watchReplies } from '../live/watch';
import { findConversation } from '../service/conversations';

export const Subscription: SubscriptionResolvers<Context> = {
  messageStream: {
    // The conversation must be the caller's: checked before anything is streamed.
    subscribe: async (_parent, { conversationId, messageId, offset }, { viewer, em, runtime }) => {
      const conversation = await findConversation(em, requireViewer(viewer).id, conversationId);
      return watchReplies(runtime.hub, em, conversation.id, { messageId, offset });
    },
    resolve: (event: StreamEvent) => event,
  },
};

export const MessageStreamEvent: MessageStreamEventResolvers<Context> = {
  message: (event) =>
    event.reply
      ? ({
          ...event.reply,
          ownerId: '',
          role: 'ASSISTANT',
          createdAt: new Date(event.reply.createdAt),
          writtenAt: new Date(event.reply.createdAt),
          replacedAt: null,
          cancelRequestedAt: null,
        } satisfies Message)
      : null,
};
