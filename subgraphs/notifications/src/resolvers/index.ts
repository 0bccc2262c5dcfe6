import { dateTimeScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Delivery } from './delivery';
import { Mutation } from './mutation';
import { Notification } from './notification';
import { Query } from './query';
import { Subscription } from './subscription';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  User,
  Notification,
  Delivery,
  Query,
  Mutation,
  Subscription,
};
