import { type EntityManager, type FilterQuery, raw } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, validateInput } from '@lattice/server-kit';
import { type PageArgs, paginate, prefixQuery } from '@lattice/subgraph-kit';
import { z } from 'zod';
import { ACTIVE, Ticket, type TicketPriority, type TicketStatus } from '../entities';
import type { SupportRuntime } from '../runtime';
import { assignByRoundRobin } from './assignment';
import { attach } from './attachments';
import { ticketFacts } from './events';
import { applyTargets } from './sla';
import { attachmentIds, requiredText, userId } from './validation';

const PAGE = { orderBy: ['updatedAt', 'id'] as Array<keyof Ticket & string>, direction: 'desc' as const };

/** BAD_USER_INPUT on `field` unless `category` is one support is configured with. */
export function checkCategory(runtime: SupportRuntime, category: string, field: string): string {
  if (!runtime.settings.SUPPORT_CATEGORIES.includes(category))
    throw badUserInput(`${field}: must be one of ${runtime.settings.SUPPORT_CATEGORIES.join(', ')}`, field);
  return category;
}

const openTicketInput = z.object({
  title: requiredText(200),
  description: requiredText(20_000, { multiline: true }),
  category: z.string().max(50),
  attachmentIds: attachmentIds.nullish().transform((ids) => ids ?? []),
});

/** Opens a ticket for `authorId` and gives it to the agent whose turn it is, if one is free. */
export async function openTicket(
  em: EntityManager,
  runtime: SupportRuntime,
  authorId: string,
  input: unknown,
): Promise<Ticket> {
  const fields = validateInput(openTicketInput, input);
  checkCategory(runtime, fields.category, 'input.category');
  const now = runtime.now();
  return em.transactional(async (tx) => {
    const ticket = tx.create(Ticket, {
      authorId,
      title: fields.title,
      description: fields.description,
      category: fields.category,
      firstResponseDueAt: now,
      resolutionDueAt: now,
      createdAt: now,
      updatedAt: now,
    });
    applyTargets(ticket, runtime.settings.SUPPORT_SLA);
    // The number comes from the database: the row is written before anything quotes it.
    await tx.flush();
    attach(tx, ticket, null, authorId, fields.attachmentIds, { internal: false });
    recordEvent(
      tx,
      createEvent('support.ticket_opened', {
        actor: authorId,
        subject: ticket.id,
        data: {
          ...ticketFacts(ticket),
          firstResponseDueAt: ticket.firstResponseDueAt.toISOString(),
          resolutionDueAt: ticket.resolutionDueAt.toISOString(),
          attachments: fields.attachmentIds.length,
        },
      }),
    );
    await assignByRoundRobin(tx, ticket, now);
    return ticket;
  });
}

/** The tickets a user opened, latest activity first. */
export function userTickets(
  em: EntityManager,
  authorId: string,
  status: TicketStatus | null,
  page: PageArgs,
) {
  const where: FilterQuery<Ticket> = status ? { authorId, status } : { authorId };
  return paginate(em, Ticket, where, page, PAGE);
}

export interface TicketFilter {
  status?: TicketStatus[] | null;
  priority?: TicketPriority[] | null;
  category?: string | null;
  assigneeId?: string | null;
  unassigned?: boolean | null;
  breached?: boolean | null;
  text?: string | null;
}

const filterText = z.string().max(200, 'must be at most 200 characters');

/** The agents' queue: every ticket matching `filter`, latest activity first. */
export function queue(em: EntityManager, filter: TicketFilter, page: PageArgs, now: Date) {
  const where: FilterQuery<Ticket>[] = [];
  if (filter.status?.length) where.push({ status: { $in: filter.status } });
  if (filter.priority?.length) where.push({ priority: { $in: filter.priority } });
  if (filter.category) where.push({ category: filter.category });
  if (filter.assigneeId) where.push({ assigneeId: userId(filter.assigneeId, 'filter.assigneeId') });
  if (filter.unassigned != null) where.push({ assigneeId: filter.unassigned ? null : { $ne: null } });
  if (filter.breached != null) {
    const breached = raw(
      `(first_response_breached_at is not null or resolution_breached_at is not null
        or (first_responded_at is null and resolved_at is null and closed_at is null and first_response_due_at < ?)
        or (status = 'OPEN' and resolution_due_at < ?))`,
      [now, now],
    );
    where.push({ [breached]: filter.breached ? { $eq: true } : { $eq: false } });
  }
  const text = validateInput(filterText.nullish(), filter.text, 'filter.text');
  if (text?.trim()) {
    const number = /^#?(\d{1,9})$/.exec(text.trim());
    if (number) where.push({ number: Number(number[1]) });
    else {
      const query = prefixQuery(text, 'filter.text');
      where.push({
        [raw(`to_tsvector('simple', title || ' ' || description) @@ to_tsquery('simple', ?)`, [query])]: [],
      });
    }
  }
  return paginate(em, Ticket, where.length ? { $and: where } : {}, page, PAGE);
}

/** OPEN and PENDING tickets assigned to each agent. */
export async function activeCounts(
  em: EntityManager,
  agentIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await em.execute<Array<{ assignee_id: string; count: string }>>(
    `select assignee_id, count(*) from support.ticket
     where assignee_id in (?) and status in (?) group by assignee_id`,
    [[...agentIds], ACTIVE],
  );
  return new Map(rows.map((row) => [row.assignee_id, Number(row.count)]));
}
