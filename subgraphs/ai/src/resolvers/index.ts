import { dateTimeScalar, safeIntScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Conversation, Message } from './conversation';
import { GeneratedImage, User } from './images';
import { Model } from './model';
import { Mutation } from './mutation';
import { Query } from './query';
import { MessageStreamEvent, Subscription } from './stream';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  SafeInt: safeIntScalar,
  Conversation,
  Message,
  Model,
  MessageStreamEvent,
  GeneratedImage,
  User,
  Query,
  Mutation,
  Subscription,
};
