import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { conflict, forbidden, text, type Viewer, validateInput } from '@lattice/server-kit';
import { z } from 'zod';
import type { Ticket, TicketPriority, TicketStatus } from '../entities';
import type { SupportRuntime } from '../runtime';
import { ticketFor } from './access';
import { secondsBetween, ticketFacts } from './events';
import { applyTargets, moveStatus, recordBreaches } from './sla';
import { checkCategory } from './tickets';

/**
 * Moves a locked ticket to `status` (nothing when it is there already), finding any breach as
 * of now first, and announces it. CLOSED is final.
 */
export function changeStatus(
  em: EntityManager,
  runtime: SupportRuntime,
  ticket: Ticket,
  status: TicketStatus,
  changedBy: string | null,
  now: Date,
): void {
  if (ticket.status === status) return;
  if (ticket.status === 'CLOSED') throw conflict('This ticket is closed: open a new one', 'ticketId');
  recordBreaches(em, ticket, now);
  const from = moveStatus(ticket, status, now, runtime.settings.SUPPORT_SLA);
  ticket.updatedAt = now;
  recordEvent(
    em,
    createEvent('support.ticket_status_changed', {
      actor: changedBy,
      subject: ticket.id,
      data: {
        ...ticketFacts(ticket),
        from,
        to: status,
        changedBy,
        resolutionSeconds: status === 'RESOLVED' ? secondsBetween(ticket.createdAt, now) : null,
      },
    }),
  );
  runtime.feed.afterCommit(em, { ticketId: ticket.id, messageId: null });
}

/** Agents move a ticket to any status; its author may only mark it RESOLVED. */
export async function setStatus(
  em: EntityManager,
  runtime: SupportRuntime,
  viewer: Viewer,
  id: string,
  status: TicketStatus,
): Promise<Ticket> {
  return em.transactional(async (tx) => {
    const { ticket, access } = await ticketFor(tx, viewer, id, { lock: true });
    if (access === 'AUTHOR' && status !== 'RESOLVED')
      throw forbidden('The author may only mark their ticket resolved (a reply reopens it)');
    changeStatus(tx, runtime, ticket, status, viewer.id, runtime.now());
    return ticket;
  });
}

/** Agents change the priority (the SLA's due times follow) or the category. */
export async function updateTicket(
  em: EntityManager,
  runtime: SupportRuntime,
  viewer: Viewer,
  id: string,
  changes: { priority?: TicketPriority | null; category?: string | null },
): Promise<Ticket> {
  return em.transactional(async (tx) => {
    const { ticket, access } = await ticketFor(tx, viewer, id, { lock: true });
    if (access !== 'AGENT') throw forbidden('Only support agents change a ticket');
    if (ticket.status === 'CLOSED') throw conflict('This ticket is closed', 'ticketId');
    const now = runtime.now();
    if (changes.category != null) ticket.category = checkCategory(runtime, changes.category, 'category');
    if (changes.priority && changes.priority !== ticket.priority) {
      const from = ticket.priority;
      ticket.priority = changes.priority;
      applyTargets(ticket, runtime.settings.SUPPORT_SLA);
      recordEvent(
        tx,
        createEvent('support.ticket_priority_changed', {
          actor: viewer.id,
          subject: ticket.id,
          data: { ...ticketFacts(ticket), from, changedBy: viewer.id },
        }),
      );
    }
    recordBreaches(tx, ticket, now);
    ticket.updatedAt = now;
    runtime.feed.afterCommit(tx, { ticketId: ticket.id, messageId: null });
    return ticket;
  });
}

const rating = z.object({
  rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  comment: text(2000, { multiline: true })
    .nullish()
    .transform((value) => value || null),
});

/** The author rates a RESOLVED or CLOSED ticket, once. */
export async function rateTicket(
  em: EntityManager,
  runtime: SupportRuntime,
  viewer: Viewer,
  id: string,
  input: { rating: number; comment?: string | null },
): Promise<Ticket> {
  const fields = validateInput(rating, input, '');
  return em.transactional(async (tx) => {
    const { ticket } = await ticketFor(tx, viewer, id, { lock: true });
    if (ticket.authorId !== viewer.id) throw forbidden('Only the ticket’s author rates it');
    if (ticket.status !== 'RESOLVED' && ticket.status !== 'CLOSED')
      throw conflict('A ticket is rated once it is resolved', 'ticketId');
    if (ticket.ratedAt) throw conflict('This ticket is rated already', 'ticketId');
    Object.assign(ticket, { rating: fields.rating, ratingComment: fields.comment, ratedAt: runtime.now() });
    recordEvent(
      tx,
      createEvent('support.ticket_rated', {
        actor: viewer.id,
        subject: ticket.id,
        data: { ...ticketFacts(ticket), rating: fields.rating },
      }),
    );
    return ticket;
  });
}
