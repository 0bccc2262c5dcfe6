import type { Viewer } from '@lattice/server-kit';
import { PushQueue } from '@lattice/subgraph-kit';
import { TicketMessage } from '../entities';
import type { SupportRuntime } from '../runtime';
import { ticketFor } from '../service/access';

/** The bus channel ticket changes are broadcast on, to every replica. */
export const TICKET_CHANNEL = 'support.tickets';

/** What changed (never what it says: subscribers read it with their own rights). */
export interface TicketChange {
  ticketId: string;
  /** The reply or note added, null when only the ticket changed. */
  messageId: string | null;
}

export const ticketChangeKey = (message: unknown): string | null => {
  const change = message as Partial<TicketChange> | null;
  return typeof change?.ticketId === 'string' ? change.ticketId : null;
};

const LIVE_CAPACITY = 100;

/**
 * A ticket's activity for one subscriber, checked at every change, with the rights they have
 * then: a note reaches agents only, and a subscriber who lost access (an agent removed) is
 * ended with the ticket "not found".
 */
export async function watchTicket(runtime: SupportRuntime, viewer: Viewer, ticketId: string) {
  await ticketFor(runtime.orm.em.fork(), viewer, ticketId);
  const queue = new PushQueue<TicketChange>(LIVE_CAPACITY, () => stop());
  const stop = runtime.feed.listen(ticketId, (change) => queue.push(change));
  return (async function* activity() {
    try {
      for await (const change of queue) {
        const em = runtime.orm.em.fork();
        const { ticket, access } = await ticketFor(em, viewer, ticketId);
        const message = change.messageId ? await em.findOne(TicketMessage, { id: change.messageId }) : null;
        if (message && message.kind === 'NOTE' && access !== 'AGENT') continue;
        yield { ticketActivity: { ticket, message } };
      }
    } finally {
      queue.close();
    }
  })();
}
