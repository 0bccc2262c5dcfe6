import type { Context } from '../context';
import type { Ticket } from '../entities';
import { isAdmin } from '../service/access';

/** Whether the caller is an agent or admin (once per request, through the loader). */
export async function viewerIsAgent({ viewer, loaders }: Context): Promise<boolean> {
  if (!viewer) return false;
  return isAdmin(viewer) || !!(await loaders.agentByUser.load(viewer.id));
}

/** Whether the caller may read the ticket: its author, agents and admins. */
export async function canReadTicket(context: Context, ticket: Ticket): Promise<boolean> {
  return ticket.authorId === context.viewer?.id || (await viewerIsAgent(context));
}
