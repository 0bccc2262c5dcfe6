import { dateTimeScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Invoice } from './invoice';
import { Mutation } from './mutation';
import { Query } from './query';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  Invoice,
  InvoiceSettings: { nextSequence: (settings) => settings.lastSequence + 1 },
  User,
  Query,
  Mutation,
};
