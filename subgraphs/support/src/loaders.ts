import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys, isUuid } from '@lattice/subgraph-kit';
import { Agent, Attachment, Ticket } from './entities';
import { activeCounts } from './service/tickets';

/** Per-request loaders: any number of tickets, attachments or agents in one answer cost one statement each. */
export function createLoaders(em: EntityManager) {
  return {
    ticketById: new DataLoader<string, Ticket | null>(async (ids) =>
      alignToKeys(ids, await em.find(Ticket, { id: { $in: ids.filter(isUuid) } }), (ticket) => ticket.id),
    ),
    /** Whether each user is on the support team. */
    agentByUser: new DataLoader<string, Agent | null>(async (userIds) =>
      alignToKeys(
        userIds,
        await em.find(Agent, { userId: { $in: userIds.filter(isUuid) } }),
        (agent) => agent.userId,
      ),
    ),
    /** Media ids attached to each ticket at its opening, or to each message, in order. */
    attachmentsOf: new DataLoader<string, string[]>(async (ownerIds) => {
      const rows = await em.find(
        Attachment,
        {
          $or: [{ messageId: { $in: [...ownerIds] } }, { ticketId: { $in: [...ownerIds] }, messageId: null }],
        },
        { orderBy: { position: 'asc' } },
      );
      const byOwner = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
      for (const row of rows) byOwner.get(row.messageId ?? row.ticketId)?.push(row.mediaId);
      return ownerIds.map((id) => byOwner.get(id)!);
    }),
    activeTicketsOf: new DataLoader<string, number>(async (agentIds) => {
      const counts = await activeCounts(em, agentIds);
      return agentIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

export type SupportLoaders = ReturnType<typeof createLoaders>;
