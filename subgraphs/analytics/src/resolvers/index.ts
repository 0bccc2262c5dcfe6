import { dateTimeScalar, safeIntScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { AiUsage } from './ai-usage';
import { CustomerLifetimeValue } from './customer-lifetime-value';
import { CustomerValue } from './customer-value';
import { PlatformEvent } from './platform-event';
import { Query } from './query';
import { RevenueReport } from './revenue-report';
import { dateScalar, jsonScalar } from './scalars';
import { Subscription } from './subscription';
import { UserActivity } from './user-activity';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  Date: dateScalar,
  JSON: jsonScalar,
  SafeInt: safeIntScalar,
  Query,
  Subscription,
  PlatformEvent,
  UserActivity,
  RevenueReport,
  CustomerLifetimeValue,
  CustomerValue,
  AiUsage,
};
