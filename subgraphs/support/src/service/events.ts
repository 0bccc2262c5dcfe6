import type { TicketFacts } from '@lattice/events';
import type { Ticket } from '../entities';

/** What every ticket event repeats about it (never its text). */
export const ticketFacts = (ticket: Ticket): TicketFacts => ({
  ticketId: ticket.id,
  number: ticket.number,
  title: ticket.title,
  category: ticket.category,
  priority: ticket.priority,
  authorId: ticket.authorId,
  assigneeId: ticket.assigneeId,
});

/** Whole seconds from `from` to `to` (for the figures events carry). */
export const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
