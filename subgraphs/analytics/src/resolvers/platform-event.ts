import type { PlatformEventResolvers } from '../__generated__/resolvers-types';

export const PlatformEvent: PlatformEventResolvers = {
  occurredAt: ({ occurredAt }) => new Date(occurredAt),
  actor: ({ actorId }) => (actorId ? { __typename: 'User', id: actorId } : null),
};
