import { dateTimeScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { SiteGenerationEvent } from './generation-event';
import { Mutation } from './mutation';
import { Query } from './query';
import { Site, SiteVersion } from './site';
import { Subscription } from './subscription';
import { User } from './user';

export const resolvers: Resolvers<Context> = {
  DateTime: dateTimeScalar,
  User,
  Site,
  SiteVersion,
  SiteGenerationEvent,
  Query,
  Mutation,
  Subscription,
};
