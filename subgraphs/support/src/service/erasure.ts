import { createEvent, recordEvent } from '@lattice/events';
import type { EventApplier } from '@lattice/subgraph-kit';
import { Agent, Attachment, Ticket, TicketMessage } from '../entities';
import type { SupportRuntime } from '../runtime';
import { removeAgent } from './agents';
import { ticketUse } from './attachments';

/**
 * A deleted user leaves: the tickets they opened are erased with their conversation (media
 * stops sharing their files), and if they were an agent, their active tickets go back to the
 * queue. What they wrote on other people's tickets as an agent stays: it is the help desk's
 * record, and it names them by an id that no longer resolves.
 */
export const eraseUserTickets: EventApplier<SupportRuntime, 'identity.user_deleted'> = async (
  em,
  event,
  runtime,
) => {
  const userId = event.data.userId;
  const tickets = await em.find(Ticket, { authorId: userId }, { fields: ['id'] });
  const ids = tickets.map((ticket) => ticket.id);
  if (ids.length) {
    await em.nativeDelete(Attachment, { ticketId: { $in: ids } });
    await em.nativeDelete(TicketMessage, { ticketId: { $in: ids } });
    await em.nativeDelete(Ticket, { id: { $in: ids } });
    for (const id of ids)
      recordEvent(
        em,
        createEvent('support.attachments_unshared', {
          actor: null,
          subject: id,
          data: { use: ticketUse(id) },
        }),
      );
  }
  if (await em.count(Agent, { userId })) await removeAgent(em, runtime, userId, null);
};
