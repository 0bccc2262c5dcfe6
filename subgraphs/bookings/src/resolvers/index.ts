import { dateTimeScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { Booking } from './booking';
import { Gym } from './gym';
import { GymSession } from './gym-session';
import { Mutation } from './mutation';
import { GymClosure, GymStaffMember, Induction, Invitation, Review } from './others';
import { Query } from './query';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  Gym,
  GymClosure,
  GymSession,
  GymStaffMember,
  Booking,
  Induction,
  Invitation,
  Review,
  User,
  Query,
  Mutation,
};
