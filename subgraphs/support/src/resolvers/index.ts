import { dateTimeScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Mutation } from './mutation';
import { CannedResponse, SupportAgent } from './others';
import { Query } from './query';
import { Subscription } from './subscription';
import { Ticket, TicketMessage } from './ticket';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  Ticket,
  TicketMessage,
  CannedResponse,
  SupportAgent,
  User,
  Query,
  Mutation,
  Subscription,
};
