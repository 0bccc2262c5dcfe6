import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { forbidden, type Viewer } from '@lattice/server-kit';
import { requireViewer } from '@lattice/subgraph-kit';
import { Agent, Ticket } from '../entities';
import { ticketId, ticketNotFound } from './validation';

/** Admins run the help desk: they act as agents and manage the team. */
export const isAdmin = (viewer: Viewer | null): boolean => viewer?.role === 'admin';

/** Whether the caller works tickets: an agent of the team, or an admin. */
export async function isAgent(em: EntityManager, viewer: Viewer | null): Promise<boolean> {
  if (!viewer) return false;
  if (isAdmin(viewer)) return true;
  return (await em.count(Agent, { userId: viewer.id })) > 0;
}

/** The caller, when an agent or admin; FORBIDDEN otherwise. */
export async function requireAgent(em: EntityManager, viewer: Viewer | null): Promise<Viewer> {
  const caller = requireViewer(viewer);
  if (!(await isAgent(em, caller))) throw forbidden('Only support agents and admins may do this');
  return caller;
}

/** The caller, when an admin; FORBIDDEN otherwise. */
export function requireAdmin(viewer: Viewer | null): Viewer {
  const caller = requireViewer(viewer);
  if (!isAdmin(caller)) throw forbidden('Only admins manage the support team');
  return caller;
}

/** How the caller stands to a ticket: its author or an agent (anyone else is told it does not exist). */
export type TicketAccess = 'AUTHOR' | 'AGENT';

/**
 * The ticket and how the caller stands to it, locked for a change when `lock` (writers of one
 * ticket go one at a time); NOT_FOUND when it does not exist or is neither theirs nor an agent's.
 */
export async function ticketFor(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  { lock = false } = {},
): Promise<{ ticket: Ticket; access: TicketAccess }> {
  const ticket = await em.findOne(
    Ticket,
    { id: ticketId(id) },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (ticket && (await isAgent(em, viewer))) return { ticket, access: 'AGENT' };
  if (ticket && ticket.authorId === viewer.id) return { ticket, access: 'AUTHOR' };
  throw ticketNotFound();
}
