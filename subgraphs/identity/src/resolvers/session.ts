import type { SessionResolvers } from '../__generated__/resolvers-types';

export const Session: SessionResolvers = {
  current: (session, _args, { viewer }) => session.id === viewer?.sessionId,
};
