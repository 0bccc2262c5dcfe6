import type { CannedResponseResolvers, SupportAgentResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';

export const CannedResponse: CannedResponseResolvers<Context> = {
  createdBy: (canned) => ({ id: canned.createdBy }),
};

export const SupportAgent: SupportAgentResolvers<Context> = {
  user: (agent) => ({ id: agent.userId }),
  openTickets: (agent, _args, { loaders }) => loaders.activeTicketsOf.load(agent.userId),
};
