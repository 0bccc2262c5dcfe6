import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, conflict, notFound, type Viewer } from '@lattice/server-kit';
import { type PageArgs, paginate } from '@lattice/subgraph-kit';
import { Agent, ACTIVE, Ticket } from '../entities';
import type { SupportRuntime } from '../runtime';
import { assignManually } from './assignment';
import { userId } from './validation';

const agentNotFound = () => notFound('No such support agent');

function checkCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100)
    throw badUserInput('capacity: must be 1 to 100', 'capacity');
  return capacity;
}

/** An admin adds a user to the team (CONFLICT when they are in it already). */
export async function addAgent(
  em: EntityManager,
  admin: Viewer,
  id: string,
  capacity: number,
): Promise<Agent> {
  const user = userId(id, 'userId');
  checkCapacity(capacity);
  return em.transactional(async (tx) => {
    const inserted = await tx.execute<Array<{ user_id: string }>>(
      `insert into support.agent (user_id, available, capacity, added_by, added_at)
       values (?, true, ?, ?, ?) on conflict do nothing returning user_id`,
      [user, capacity, admin.id, new Date()],
    );
    if (!inserted.length) throw conflict('This user is a support agent already', 'userId');
    recordEvent(
      tx,
      createEvent('support.agent_added', {
        actor: admin.id,
        subject: user,
        data: { userId: user, addedBy: admin.id },
      }),
    );
    return tx.findOneOrFail(Agent, { userId: user });
  });
}

/** An admin changes an agent's capacity or availability. */
export async function updateAgent(
  em: EntityManager,
  id: string,
  changes: { capacity?: number | null; available?: boolean | null },
): Promise<Agent> {
  const agent = await em.findOne(Agent, { userId: userId(id, 'userId') });
  if (!agent) throw agentNotFound();
  if (changes.capacity != null) agent.capacity = checkCapacity(changes.capacity);
  if (changes.available != null) agent.available = changes.available;
  await em.flush();
  return agent;
}

/** The agent themself says whether round robin may give them tickets. */
export async function setAvailability(em: EntityManager, viewer: Viewer, available: boolean): Promise<Agent> {
  const agent = await em.findOne(Agent, { userId: viewer.id });
  if (!agent) throw agentNotFound();
  agent.available = available;
  await em.flush();
  return agent;
}

/**
 * Takes a user off the team (an admin, or their account's erasure with `removedBy` null):
 * their OPEN and PENDING tickets go back to the queue, where round robin finds them.
 */
export async function removeAgent(
  em: EntityManager,
  runtime: SupportRuntime,
  id: string,
  removedBy: string | null,
): Promise<boolean> {
  const user = userId(id, 'userId');
  return em.transactional(async (tx) => {
    const removed = await tx.nativeDelete(Agent, { userId: user });
    if (!removed) throw agentNotFound();
    const now = runtime.now();
    const tickets = await tx.find(
      Ticket,
      { assigneeId: user, status: { $in: ACTIVE } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    for (const ticket of tickets) await assignManually(tx, ticket, null, removedBy ?? user, now);
    recordEvent(
      tx,
      createEvent('support.agent_removed', {
        actor: removedBy,
        subject: user,
        data: { userId: user, removedBy },
      }),
    );
    return true;
  });
}

export function listAgents(em: EntityManager, page: PageArgs) {
  return paginate(em, Agent, {}, page, { orderBy: ['addedAt', 'userId'] });
}
