import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, conflict, forbidden, type Viewer, validateInput } from '@lattice/server-kit';
import { type PageArgs, paginate } from '@lattice/subgraph-kit';
import { z } from 'zod';
import { TicketMessage, type TicketStatus } from '../entities';
import type { SupportRuntime } from '../runtime';
import { ticketFor } from './access';
import { attach } from './attachments';
import { secondsBetween, ticketFacts } from './events';
import { changeStatus } from './status';
import { recordBreaches } from './sla';
import { attachmentIds, requiredText } from './validation';

const messageInput = z.object({
  body: requiredText(20_000, { multiline: true }),
  attachmentIds: attachmentIds.nullish().transform((ids) => ids ?? []),
});

/**
 * A reply the author sees, by the author or an agent. The author's reopens a waiting ticket;
 * an agent's first one is the ticket's first response, and may set the status.
 */
export async function reply(
  em: EntityManager,
  runtime: SupportRuntime,
  viewer: Viewer,
  args: { ticketId: string; body: string; attachmentIds?: string[] | null; status?: TicketStatus | null },
): Promise<TicketMessage> {
  const fields = validateInput(messageInput, args, '');
  return em.transactional(async (tx) => {
    const { ticket, access } = await ticketFor(tx, viewer, args.ticketId, { lock: true });
    if (ticket.status === 'CLOSED') throw conflict('This ticket is closed: open a new one', 'ticketId');
    if (args.status && access !== 'AGENT')
      throw badUserInput('status: only agents set it with a reply', 'status');
    const now = runtime.now();
    const fromAgent = access === 'AGENT';
    const message = tx.create(TicketMessage, {
      ticketId: ticket.id,
      authorId: viewer.id,
      kind: 'REPLY',
      fromAgent,
      body: fields.body,
      createdAt: now,
    });
    attach(tx, ticket, message.id, viewer.id, fields.attachmentIds, { internal: false });
    const firstResponse = fromAgent && !ticket.firstRespondedAt;
    if (firstResponse) {
      recordBreaches(tx, ticket, now);
      ticket.firstRespondedAt = now;
    }
    ticket.updatedAt = now;
    recordEvent(
      tx,
      createEvent('support.reply_added', {
        actor: viewer.id,
        subject: ticket.id,
        data: {
          ...ticketFacts(ticket),
          messageId: message.id,
          senderId: viewer.id,
          fromAgent,
          firstResponseSeconds: firstResponse ? secondsBetween(ticket.createdAt, now) : null,
          attachments: fields.attachmentIds.length,
        },
      }),
    );
    const status = args.status ?? (fromAgent ? null : 'OPEN');
    if (status) changeStatus(tx, runtime, ticket, status, viewer.id, now);
    runtime.feed.afterCommit(tx, { ticketId: ticket.id, messageId: message.id });
    return message;
  });
}

/** An internal note: agents (and admins) only, never shown or announced to the author. */
export async function addNote(
  em: EntityManager,
  runtime: SupportRuntime,
  viewer: Viewer,
  args: { ticketId: string; body: string; attachmentIds?: string[] | null },
): Promise<TicketMessage> {
  const fields = validateInput(messageInput, args, '');
  return em.transactional(async (tx) => {
    const { ticket, access } = await ticketFor(tx, viewer, args.ticketId, { lock: true });
    if (access !== 'AGENT') throw forbidden('Only support agents add internal notes');
    const now = runtime.now();
    const note = tx.create(TicketMessage, {
      ticketId: ticket.id,
      authorId: viewer.id,
      kind: 'NOTE',
      fromAgent: true,
      body: fields.body,
      createdAt: now,
    });
    attach(tx, ticket, note.id, viewer.id, fields.attachmentIds, { internal: true });
    ticket.updatedAt = now;
    recordEvent(
      tx,
      createEvent('support.note_added', {
        actor: viewer.id,
        subject: ticket.id,
        data: { ...ticketFacts(ticket), messageId: note.id, senderId: viewer.id },
      }),
    );
    runtime.feed.afterCommit(tx, { ticketId: ticket.id, messageId: note.id });
    return note;
  });
}

/** The conversation, oldest first: notes are filtered by the database for anyone not an agent. */
export function messages(em: EntityManager, ticketId: string, agent: boolean, page: PageArgs) {
  return paginate(em, TicketMessage, agent ? { ticketId } : { ticketId, kind: 'REPLY' }, page, {
    orderBy: ['createdAt', 'id'],
    defaultFirst: 50,
  });
}
