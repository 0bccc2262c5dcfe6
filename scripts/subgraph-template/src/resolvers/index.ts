import { dateTimeScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { __Name__Item } from './item';
import { Mutation } from './mutation';
import { Query } from './query';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  __Name__Item,
  Query,
  Mutation,
};
