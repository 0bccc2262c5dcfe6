import { requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { requireAdmin, requireAgent, ticketFor } from '../service/access';
import { addAgent, removeAgent, setAvailability, updateAgent } from '../service/agents';
import { assignManually } from '../service/assignment';
import { createCanned, deleteCanned, updateCanned } from '../service/canned-responses';
import { addNote, reply } from '../service/conversation';
import { rateTicket, setStatus, updateTicket } from '../service/status';
import { mergeTickets } from '../service/merge';
import { openTicket } from '../service/tickets';
import { userId } from '../service/validation';
import { forbidden } from '@lattice/server-kit';

export const Mutation: MutationResolvers<Context> = {
  openTicket: (_parent, { input }, { viewer, em, runtime }) =>
    openTicket(em, runtime, requireViewer(viewer).id, input),
  replyToTicket: (_parent, args, { viewer, em, runtime }) => reply(em, runtime, requireViewer(viewer), args),
  addInternalNote: (_parent, args, { viewer, em, runtime }) =>
    addNote(em, runtime, requireViewer(viewer), args),
  setTicketStatus: (_parent, { ticketId, status }, { viewer, em, runtime }) =>
    setStatus(em, runtime, requireViewer(viewer), ticketId, status),
  updateTicket: (_parent, { ticketId, ...changes }, { viewer, em, runtime }) =>
    updateTicket(em, runtime, requireViewer(viewer), ticketId, changes),
  assignTicket: (_parent, { ticketId, assigneeId }, { viewer, em, runtime }) =>
    em.transactional(async (tx) => {
      const caller = requireViewer(viewer);
      const { ticket, access } = await ticketFor(tx, caller, ticketId, { lock: true });
      if (access !== 'AGENT') throw forbidden('Only support agents assign tickets');
      const assignee = assigneeId ? userId(assigneeId, 'assigneeId') : null;
      await assignManually(tx, ticket, assignee, caller.id, runtime.now());
      runtime.feed.afterCommit(tx, { ticketId: ticket.id, messageId: null });
      return ticket;
    }),
  mergeTickets: (_parent, { sourceId, targetId }, { viewer, em, runtime }) =>
    mergeTickets(em, runtime, requireViewer(viewer), sourceId, targetId),
  rateTicket: (_parent, { ticketId, ...input }, { viewer, em, runtime }) =>
    rateTicket(em, runtime, requireViewer(viewer), ticketId, input),
  addSupportAgent: (_parent, { userId: id, capacity }, { viewer, em }) =>
    addAgent(em, requireAdmin(viewer), id, capacity ?? 10),
  updateSupportAgent: (_parent, { userId: id, ...changes }, { viewer, em }) => {
    requireAdmin(viewer);
    return updateAgent(em, id, changes);
  },
  removeSupportAgent: (_parent, { userId: id }, { viewer, em, runtime }) =>
    removeAgent(em, runtime, id, requireAdmin(viewer).id),
  setSupportAvailability: (_parent, { available }, { viewer, em }) =>
    setAvailability(em, requireViewer(viewer), available),
  createCannedResponse: async (_parent, { input }, { viewer, em }) =>
    createCanned(em, await requireAgent(em, viewer), input),
  updateCannedResponse: async (_parent, { id, input }, { viewer, em }) =>
    updateCanned(em, await requireAgent(em, viewer), id, input),
  deleteCannedResponse: async (_parent, { id }, { viewer, em }) =>
    deleteCanned(em, await requireAgent(em, viewer), id),
};
