import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, conflict, forbidden, type Viewer } from '@lattice/server-kit';
import { Attachment, Ticket, TicketMessage } from '../entities';
import type { SupportRuntime } from '../runtime';
import { isAgent } from './access';
import { ticketFacts } from './events';
import { changeStatus } from './status';
import { ticketId, ticketNotFound } from './validation';

/**
 * An agent merges a duplicate into another ticket of the same author (never across authors:
 * each would read the other's conversation). The duplicate's description becomes the
 * author's first message there, its messages and files move with their times, and it closes,
 * pointing to where it went.
 */
export async function mergeTickets(
  em: EntityManager,
  runtime: SupportRuntime,
  viewer: Viewer,
  sourceId: string,
  targetId: string,
): Promise<Ticket> {
  const [source, target] = [ticketId(sourceId), ticketId(targetId)];
  if (source === target) throw badUserInput('targetId: a ticket is not merged into itself', 'targetId');
  if (!(await isAgent(em, viewer))) throw forbidden('Only support agents merge tickets');
  return em.transactional(async (tx) => {
    // Both rows locked in one order, so two merges of the same pair cannot deadlock.
    const locked = await tx.find(
      Ticket,
      { id: { $in: [source, target] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    const duplicate = locked.find((ticket) => ticket.id === source);
    const kept = locked.find((ticket) => ticket.id === target);
    if (!duplicate || !kept) throw ticketNotFound();
    if (duplicate.authorId !== kept.authorId)
      throw badUserInput('targetId: only tickets of the same author are merged', 'targetId');
    if (duplicate.status === 'CLOSED' || kept.status === 'CLOSED')
      throw conflict(
        'A closed ticket is not merged',
        duplicate.status === 'CLOSED' ? 'sourceId' : 'targetId',
      );
    const now = runtime.now();
    const opening = tx.create(TicketMessage, {
      ticketId: kept.id,
      authorId: duplicate.authorId,
      kind: 'REPLY',
      fromAgent: false,
      body: `${duplicate.title}\n\n${duplicate.description}`,
      createdAt: duplicate.createdAt,
    });
    await tx.nativeUpdate(Attachment, { ticketId: duplicate.id, messageId: null }, { messageId: opening.id });
    await tx.nativeUpdate(Attachment, { ticketId: duplicate.id }, { ticketId: kept.id });
    await tx.nativeUpdate(TicketMessage, { ticketId: duplicate.id }, { ticketId: kept.id });
    duplicate.mergedIntoId = kept.id;
    changeStatus(tx, runtime, duplicate, 'CLOSED', viewer.id, now);
    kept.updatedAt = now;
    recordEvent(
      tx,
      createEvent('support.tickets_merged', {
        actor: viewer.id,
        subject: kept.id,
        data: {
          ...ticketFacts(kept),
          sourceId: duplicate.id,
          sourceNumber: duplicate.number,
          mergedBy: viewer.id,
        },
      }),
    );
    runtime.feed.afterCommit(tx, { ticketId: kept.id, messageId: null });
    return kept;
  });
}
