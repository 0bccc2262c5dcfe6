import { dateTimeScalar, safeIntScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Media } from './media';
import { Mutation } from './mutation';
import { Query } from './query';
import { ShareLink } from './share-link';
import { Upload } from './upload';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  SafeInt: safeIntScalar,
  Media,
  Upload,
  ShareLink,
  User,
  Query,
  Mutation,
};
