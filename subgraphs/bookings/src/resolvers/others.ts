import type {
  GymClosureResolvers,
  GymStaffMemberResolvers,
  InductionResolvers,
  InvitationResolvers,
  ReviewResolvers,
} from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { reference } from '../service/references';

export const GymClosure: GymClosureResolvers<Context> = {
  from: (closure) => closure.fromDate,
  to: (closure) => closure.toDate,
};

export const GymStaffMember: GymStaffMemberResolvers<Context> = {
  user: (member) => reference(member.userId),
};

export const Induction: InductionResolvers<Context> = {
  gym: async (induction, _args, { loaders }) => (await loaders.gymById.load(induction.gymId))!,
  user: (induction) => reference(induction.userId),
};

export const Invitation: InvitationResolvers<Context> = {
  session: async (invitation, _args, { loaders }) => (await loaders.sessionById.load(invitation.sessionId))!,
};

export const Review: ReviewResolvers<Context> = {
  gym: async (review, _args, { loaders }) => (await loaders.gymById.load(review.gymId))!,
  author: (review) => reference(review.userId),
  picture: (review) => (review.pictureId ? reference(review.pictureId) : null),
};
