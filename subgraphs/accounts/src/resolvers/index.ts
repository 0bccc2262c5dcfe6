import { dateTimeScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { BusinessContext, CommonService } from './business-context';
import { Mutation } from './mutation';
import { Profile } from './profile';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  User,
  Profile,
  BusinessContext,
  CommonService,
  Mutation,
};
