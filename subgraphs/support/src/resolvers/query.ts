import { requireViewer } from '@lattice/subgraph-kit';
import { badUserInput } from '@lattice/server-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { requireAgent, ticketFor } from '../service/access';
import { listAgents } from '../service/agents';
import { listCanned } from '../service/canned-responses';
import { statistics } from '../service/statistics';
import { queue } from '../service/tickets';
import { viewerIsAgent } from './guard';

const THIRTY_DAYS_MS = 30 * 86_400_000;

export const Query: QueryResolvers<Context> = {
  ticket: async (_parent, { id }, { viewer, em }) => (await ticketFor(em, requireViewer(viewer), id)).ticket,
  supportTickets: async (_parent, { filter, ...page }, { viewer, em, runtime }) => {
    await requireAgent(em, viewer);
    return queue(em, filter ?? {}, page, runtime.now());
  },
  supportCategories: (_parent, _args, { runtime }) => runtime.settings.SUPPORT_CATEGORIES,
  cannedResponses: async (_parent, { text, ...page }, { viewer, em }) => {
    await requireAgent(em, viewer);
    return listCanned(em, text, page);
  },
  supportAgents: async (_parent, page, { viewer, em }) => {
    await requireAgent(em, viewer);
    return listAgents(em, page);
  },
  amSupportAgent: (_parent, _args, context) => viewerIsAgent(context),
  supportStatistics: async (_parent, { since }, { viewer, em, runtime }) => {
    await requireAgent(em, viewer);
    const now = runtime.now();
    const from = since ?? new Date(now.getTime() - THIRTY_DAYS_MS);
    if (Number.isNaN(from.getTime()) || from.getUTCFullYear() < 1 || from > now)
      throw badUserInput('since: must be a past date-time', 'since');
    return statistics(em, from, now);
  },
};
