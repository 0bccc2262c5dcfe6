import type { CustomerValueResolvers } from '../__generated__/resolvers-types';

export const CustomerValue: CustomerValueResolvers = {
  user: ({ userId }) => ({ __typename: 'User', id: userId }),
};
