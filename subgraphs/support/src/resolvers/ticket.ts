import type { TicketResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { messages } from '../service/conversation';
import { slaView } from '../service/sla';
import { canReadTicket, viewerIsAgent } from './guard';

const reference = (id: string) => ({ id });

export const Ticket: TicketResolvers<Context> = {
  // Through `_entities` as everywhere: anyone but its author and agents gets null, as if absent.
  __resolveReference: async ({ id }, context) => {
    const ticket = await context.loaders.ticketById.load(id);
    return ticket && (await canReadTicket(context, ticket)) ? ticket : null;
  },
  author: (ticket) => reference(ticket.authorId),
  assignee: (ticket) => (ticket.assigneeId ? reference(ticket.assigneeId) : null),
  // Same author, so whoever reads the duplicate reads where it went.
  mergedInto: (ticket, _args, { loaders }) =>
    ticket.mergedIntoId ? loaders.ticketById.load(ticket.mergedIntoId) : null,
  attachments: async (ticket, _args, { loaders }) =>
    (await loaders.attachmentsOf.load(ticket.id)).map(reference),
  messages: async (ticket, args, context) =>
    messages(context.em, ticket.id, await viewerIsAgent(context), args),
  sla: (ticket, _args, { runtime }) => slaView(ticket, runtime.now()),
  satisfaction: (ticket) =>
    ticket.rating && ticket.ratedAt
      ? { rating: ticket.rating, comment: ticket.ratingComment, ratedAt: ticket.ratedAt }
      : null,
};

export const TicketMessage = {
  author: ({ authorId }: { authorId: string }) => reference(authorId),
  attachments: async ({ id }: { id: string }, _args: unknown, { loaders }: Context) =>
    (await loaders.attachmentsOf.load(id)).map(reference),
};
