import { dateTimeScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Mutation } from './mutation';
import { Query } from './query';
import { Session } from './session';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  Role: { USER: 'user', MODERATOR: 'moderator', ADMIN: 'admin' },
  OidcProvider: { GOOGLE: 'google' },
  AccountStatus: { ACTIVE: 'active', SUSPENDED: 'suspended', BANNED: 'banned', DELETED: 'deleted' },
  Query,
  Mutation,
  Session,
  User,
};
