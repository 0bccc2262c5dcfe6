import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput } from '@lattice/server-kit';
import { Agent, type Ticket } from '../entities';
import { ticketFacts } from './events';

/**
 * Round robin's choices are made one at a time (a transaction-scoped advisory lock), so two
 * tickets opened at once never both take an agent's last free place.
 */
const ROUND_ROBIN_LOCK = 0x5_0b_b0_75;

/**
 * The available agent whose turn it is: the one assigned longest ago (never first) among those
 * under their capacity of OPEN and PENDING tickets; null when everyone is full or away.
 */
async function nextAgent(em: EntityManager): Promise<string | null> {
  await em.execute('select pg_advisory_xact_lock(?)', [ROUND_ROBIN_LOCK]);
  const [row] = await em.execute<Array<{ user_id: string }>>(
    `select a.user_id from support.agent a
     where a.available and a.capacity > (
       select count(*) from support.ticket t where t.assignee_id = a.user_id and t.status in ('OPEN', 'PENDING'))
     order by a.last_assigned_at asc nulls first, a.added_at, a.user_id
     limit 1
     for share of a`,
  );
  return row?.user_id ?? null;
}

/** Gives an unassigned ticket to the agent whose turn it is, if any is free. Must run in a transaction. */
export async function assignByRoundRobin(em: EntityManager, ticket: Ticket, now: Date): Promise<boolean> {
  const agentId = await nextAgent(em);
  if (!agentId) return false;
  await em.nativeUpdate(Agent, { userId: agentId }, { lastAssignedAt: now });
  setAssignee(em, ticket, agentId, now, { by: 'ROUND_ROBIN', assignedBy: null });
  // Written now, so the next choice of this transaction (a janitor batch) counts it.
  await em.flush();
  return true;
}

/** An agent gives the ticket to an agent (any capacity: their call), or back to the queue. */
export async function assignManually(
  em: EntityManager,
  ticket: Ticket,
  assigneeId: string | null,
  assignedBy: string,
  now: Date,
): Promise<void> {
  // Locked (FOR SHARE): an agent being removed is waited for and then not found, and one
  // being assigned is removed only after, with this ticket among theirs.
  if (
    assigneeId &&
    !(await em.findOne(Agent, { userId: assigneeId }, { lockMode: LockMode.PESSIMISTIC_READ }))
  )
    throw badUserInput('assigneeId: not a support agent', 'assigneeId');
  if (assigneeId === ticket.assigneeId) return;
  if (assigneeId) await em.nativeUpdate(Agent, { userId: assigneeId }, { lastAssignedAt: now });
  setAssignee(em, ticket, assigneeId, now, { by: 'MANUAL', assignedBy });
}

function setAssignee(
  em: EntityManager,
  ticket: Ticket,
  assigneeId: string | null,
  now: Date,
  how: { by: 'ROUND_ROBIN' | 'MANUAL'; assignedBy: string | null },
): void {
  const previousAssigneeId = ticket.assigneeId;
  ticket.assigneeId = assigneeId;
  ticket.updatedAt = now;
  recordEvent(
    em,
    createEvent('support.ticket_assigned', {
      actor: how.assignedBy,
      subject: ticket.id,
      data: { ...ticketFacts(ticket), previousAssigneeId, ...how },
    }),
  );
}
