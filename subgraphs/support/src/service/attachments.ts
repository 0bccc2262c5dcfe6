import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { Attachment, type Ticket } from '../entities';

/** Media's audience of every agent (media keeps it from `support.agent_added`/`_removed`). */
export const AGENTS_AUDIENCE = 'support-agents';

/** The `use` media records the files of a ticket under (unshared together when it is erased). */
export const ticketUse = (ticketId: string) => `ticket:${ticketId}`;

/**
 * Attaches `mediaIds` (the writer's own: media shares only files `ownerId` owns, so anyone
 * else's id stays private and resolves as null) to the ticket, or to one of its messages, and
 * asks media to let agents read them, and the author too unless `internal` (a note).
 */
export function attach(
  em: EntityManager,
  ticket: Ticket,
  messageId: string | null,
  ownerId: string,
  mediaIds: string[],
  { internal }: { internal: boolean },
): void {
  if (!mediaIds.length) return;
  mediaIds.forEach((mediaId, position) =>
    em.create(Attachment, { ticketId: ticket.id, messageId, mediaId, position }),
  );
  const audiences = internal ? [AGENTS_AUDIENCE] : [AGENTS_AUDIENCE, `user:${ticket.authorId}`];
  recordEvent(
    em,
    createEvent('support.attachments_shared', {
      actor: ownerId,
      subject: ticket.id,
      data: { mediaIds, ownerId, use: ticketUse(ticket.id), audiences },
    }),
  );
}
