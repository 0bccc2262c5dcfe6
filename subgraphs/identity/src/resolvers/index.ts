import type { Resolvers } from '../__generated__/resolvers-types';
import { dateTimeScalar } from '@lattice/subgraph-kit';
import { Mutation } from './mutation';
import { Query } from './query';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  Role: { USER: 'user', MODERATOR: 'moderator', ADMIN: 'admin' },
  Query,
  Mutation,
  User,
};
