import type { UserActivityResolvers } from '../__generated__/resolvers-types';

export const UserActivity: UserActivityResolvers = {
  user: ({ userId }) => ({ __typename: 'User', id: userId }),
};
