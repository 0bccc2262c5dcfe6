import type { RelationshipResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';

export const Relationship: RelationshipResolvers<Context> = {
  user: (relationship) => ({ id: relationship.userId }),
};
