import { dateTimeScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Activity, Comment } from './activity';
import { Mutation } from './mutation';
import { Query } from './query';
import { Relationship } from './relationship';
import { Subscription } from './subscription';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  Activity,
  Comment,
  Relationship,
  User,
  Query,
  Mutation,
  Subscription,
};
