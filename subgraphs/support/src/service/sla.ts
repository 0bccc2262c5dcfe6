import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import type { Ticket, TicketStatus } from '../entities';
import { ticketFacts } from './events';
import type { SlaPolicy } from './settings';

/** Statuses in which the ticket waits on its author: the resolution clock stops. */
const PAUSED: TicketStatus[] = ['PENDING', 'RESOLVED'];

const after = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

/** Sets the ticket's due times from its priority's targets (and the time it waited on its author). */
export function applyTargets(ticket: Ticket, policy: SlaPolicy): void {
  const target = policy[ticket.priority];
  ticket.firstResponseDueAt = after(ticket.createdAt, target.firstResponseSeconds);
  ticket.resolutionDueAt = after(ticket.createdAt, target.resolutionSeconds + ticket.pausedSeconds);
}

/** What `Ticket.sla` shows, as of `now`. */
export function slaView(ticket: Ticket, now: Date) {
  const respondedBy = ticket.firstRespondedAt ?? ticket.resolvedAt ?? ticket.closedAt ?? now;
  // The clock stopped when the ticket began waiting (PENDING then RESOLVED: at PENDING), not
  // when it was resolved.
  const resolvedBy = ticket.pausedSince ?? ticket.resolvedAt ?? ticket.closedAt ?? now;
  return {
    firstResponseDueAt: ticket.firstResponseDueAt,
    firstResponseBreached: !!ticket.firstResponseBreachedAt || respondedBy > ticket.firstResponseDueAt,
    resolutionDueAt: ticket.resolutionDueAt,
    resolutionBreached: !!ticket.resolutionBreachedAt || resolvedBy > ticket.resolutionDueAt,
    paused: !!ticket.pausedSince,
  };
}

/**
 * Moves the ticket to `status` as of `now`, keeping its clocks: leaving a waiting status adds
 * the wait to the resolution due time; entering one stops the clock. Returns the status it left.
 */
export function moveStatus(ticket: Ticket, status: TicketStatus, now: Date, policy: SlaPolicy): TicketStatus {
  const from = ticket.status;
  if (from === status) return from;
  if (ticket.pausedSince && !PAUSED.includes(status)) {
    ticket.pausedSeconds += Math.max(0, Math.floor((now.getTime() - ticket.pausedSince.getTime()) / 1000));
    ticket.pausedSince = null;
    applyTargets(ticket, policy);
  } else if (!ticket.pausedSince && PAUSED.includes(status)) {
    ticket.pausedSince = now;
  }
  if (status === 'RESOLVED') ticket.resolvedAt = now;
  if (status === 'OPEN' || status === 'PENDING') ticket.resolvedAt = null;
  if (status === 'CLOSED') {
    ticket.closedAt = now;
    ticket.resolvedAt ??= now;
  }
  ticket.status = status;
  return from;
}

/**
 * Marks and announces (once each) the targets the ticket has missed as of `now`: the first
 * response while none came, the resolution while the clock runs. Called on every change and
 * by the janitor, so a breach is found whichever comes first.
 */
export function recordBreaches(em: EntityManager, ticket: Ticket, now: Date): void {
  const view = slaView(ticket, now);
  if (view.firstResponseBreached && !ticket.firstResponseBreachedAt) {
    ticket.firstResponseBreachedAt = now;
    announce(em, ticket, 'FIRST_RESPONSE', ticket.firstResponseDueAt);
  }
  if (view.resolutionBreached && !ticket.resolutionBreachedAt) {
    ticket.resolutionBreachedAt = now;
    announce(em, ticket, 'RESOLUTION', ticket.resolutionDueAt);
  }
}

function announce(em: EntityManager, ticket: Ticket, target: 'FIRST_RESPONSE' | 'RESOLUTION', dueAt: Date) {
  recordEvent(
    em,
    createEvent('support.sla_breached', {
      actor: null,
      subject: ticket.id,
      data: { ...ticketFacts(ticket), target, dueAt: dueAt.toISOString() },
    }),
  );
}
