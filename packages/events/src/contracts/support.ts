import type { EventSpecs } from './define';

export type TicketPriority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export type TicketStatus = 'OPEN' | 'PENDING' | 'RESOLVED' | 'CLOSED';

/**
 * What every ticket event says about its ticket. Ticket text (description, replies, notes)
 * never travels in events: consumers that store events (analytics) would keep it, and a note
 * must reach no one but agents.
 */
export interface TicketFacts {
  ticketId: string;
  /** The number people quote (#1042). */
  number: number;
  title: string;
  category: string;
  priority: TicketPriority;
  authorId: string;
  /** The agent it is assigned to, null while unassigned. */
  assigneeId: string | null;
}

/** Events support publishes: tickets, their conversation, assignment, SLAs and ratings. */
export interface SupportEvents {
  'support.ticket_opened': {
    version: 1;
    data: TicketFacts & { firstResponseDueAt: string; resolutionDueAt: string; attachments: number };
  };
  /** `by` ROUND_ROBIN (support chose) or MANUAL (an agent did, `assignedBy`); `assigneeId` null: back to the queue. */
  'support.ticket_assigned': {
    version: 1;
    data: TicketFacts & {
      previousAssigneeId: string | null;
      by: 'ROUND_ROBIN' | 'MANUAL';
      assignedBy: string | null;
    };
  };
  /**
   * A reply the ticket's author sees. `fromAgent` false: the author wrote it. For an agent's
   * first reply, `firstResponseSeconds` is how long the author waited.
   */
  'support.reply_added': {
    version: 1;
    data: TicketFacts & {
      messageId: string;
      senderId: string;
      fromAgent: boolean;
      firstResponseSeconds: number | null;
      attachments: number;
    };
  };
  /** An internal note: agents only. Its consumers must never tell the author. */
  'support.note_added': {
    version: 1;
    data: TicketFacts & { messageId: string; senderId: string };
  };
  /**
   * `changedBy` null when support changed it (a resolved ticket closed after a while).
   * `resolutionSeconds` is set when the ticket becomes RESOLVED: time since it was opened.
   */
  'support.ticket_status_changed': {
    version: 1;
    data: TicketFacts & {
      from: TicketStatus;
      to: TicketStatus;
      changedBy: string | null;
      resolutionSeconds: number | null;
    };
  };
  'support.ticket_priority_changed': {
    version: 1;
    data: TicketFacts & { from: TicketPriority; changedBy: string };
  };
  /**
   * An agent merged a duplicate (`sourceId`, #`sourceNumber`, now CLOSED) into this ticket: its
   * conversation and files moved here. Both have the same author.
   */
  'support.tickets_merged': {
    version: 1;
    data: TicketFacts & { sourceId: string; sourceNumber: number; mergedBy: string };
  };
  /** A target of the ticket's SLA passed unmet (once per target and ticket). */
  'support.sla_breached': {
    version: 1;
    data: TicketFacts & { target: 'FIRST_RESPONSE' | 'RESOLUTION'; dueAt: string };
  };
  /** The author's satisfaction, 1 (bad) to 5 (great), after resolution. */
  'support.ticket_rated': {
    version: 1;
    data: TicketFacts & { rating: number };
  };
  /**
   * Files attached to a ticket: media lets the `audiences` read them (`support-agents`, or
   * `user:<id>` for one user) if `ownerId` owns them. `use` is `ticket:<id>`.
   */
  'support.attachments_shared': {
    version: 1;
    data: { mediaIds: string[]; ownerId: string; use: string; audiences: string[] };
  };
  /** Every file shared for that use is private again (the ticket was erased). */
  'support.attachments_unshared': { version: 1; data: { use: string } };
  /** A user joined or left the agents (media's `support-agents` audience follows). */
  'support.agent_added': { version: 1; data: { userId: string; addedBy: string } };
  'support.agent_removed': { version: 1; data: { userId: string; removedBy: string | null } };
}

export const supportEvents: EventSpecs<SupportEvents> = {
  'support.ticket_opened': { version: 1 },
  'support.ticket_assigned': { version: 1 },
  'support.reply_added': { version: 1 },
  'support.note_added': { version: 1 },
  'support.ticket_status_changed': { version: 1 },
  'support.ticket_priority_changed': { version: 1 },
  'support.tickets_merged': { version: 1 },
  'support.sla_breached': { version: 1 },
  'support.ticket_rated': { version: 1 },
  'support.attachments_shared': { version: 1 },
  'support.attachments_unshared': { version: 1 },
  'support.agent_added': { version: 1 },
  'support.agent_removed': { version: 1 },
};
