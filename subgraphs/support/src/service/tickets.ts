import { type EntityManager, type FilterQuery, raw } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, validateInput } from '@lattice/server-kit';
import { decodeCursor, isUuid, type PageArgs, paginate, prefixQuery } from '@lattice/subgraph-kit';
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
      return searchText(em, where, prefixQuery(text, 'filter.text'), page);
    }
  }
  return paginate(em, Ticket, where.length ? { $and: where } : {}, page, PAGE);
}

/** How many of the latest tickets the first step of a word search reads. */
const SEARCH_WINDOW = 1000;

const matches = (alias: string) =>
  `to_tsvector('simple', ${alias}.title || ' ' || ${alias}.description) @@ to_tsquery('simple', ?)`;

/** The cursor's (updatedAt, id), when it is one this list made (else paginate refuses it). */
function cursorPosition(after: string | null | undefined): [Date, string] | null {
  if (!after) return null;
  try {
    const [at, id] = decodeCursor(after, 2);
    if (typeof at === 'string' && typeof id === 'string' && isUuid(id) && !Number.isNaN(Date.parse(at)))
      return [new Date(at), id];
  } catch {
    // paginate answers BAD_USER_INPUT for it
  }
  return null;
}

/**
 * Word search in the queue, in two steps, because no one plan serves both kinds of words:
 * first among the SEARCH_WINDOW latest tickets (after the cursor), where a common word fills
 * the page at once; when that page comes out short, through the GIN index, which finds a rare
 * word's few matches however old they are (`offset 0` keeps the planner from folding it in).
 * Left to itself, PostgreSQL takes a rare prefix for a common one and walks the whole queue
 * computing every ticket's text: seconds at 200,000 tickets (`npm run bench:support-queue`).
 */
async function searchText(em: EntityManager, where: FilterQuery<Ticket>[], query: string, page: PageArgs) {
  const position = cursorPosition(page.after);
  const recent = raw(
    (
      alias,
    ) => `${alias}.id in (select w.id from support.ticket w ${position ? 'where (w.updated_at, w.id) < (?, ?)' : ''}
      order by w.updated_at desc, w.id desc limit ${SEARCH_WINDOW}) and ${matches(alias)}`,
    [...(position ?? []), query],
  );
  const found = await paginate(em, Ticket, { $and: [...where, { [recent]: [] }] }, page, PAGE);
  if (found.pageInfo.hasNextPage) return found;
  const indexed = raw(
    (alias) => `${alias}.id in (select m.id from support.ticket m where ${matches('m')} offset 0)`,
    [query],
  );
  return paginate(em, Ticket, { $and: [...where, { [indexed]: [] }] }, page, PAGE);
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
