import { isUuid } from '@lattice/subgraph-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { userActivity } from '../service/activities';
import { followsOf, friendsOf, mutualFriends } from '../service/lists';

const EMPTY = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** Whether the user and the caller blocked one another (then nothing of either shows to the other). */
async function hidden(context: Context, userId: string): Promise<boolean> {
  if (!context.viewer || context.viewer.id === userId) return false;
  const relation = await context.loaders.forViewer(context.viewer.id).relationship.load(userId);
  return relation.blocked || relation.blockedBy;
}

export const User: UserResolvers<Context> = {
  // Identity's ids are UUIDs: anything else names no one (and never reaches a uuid column).
  __resolveReference: ({ id }) => (isUuid(id) ? { id } : null),
  friends: async (user, args, context) =>
    (await hidden(context, user.id))
      ? EMPTY
      : friendsOf(context.em, user.id, context.viewer?.id ?? null, args),
  followers: async (user, args, context) =>
    (await hidden(context, user.id))
      ? EMPTY
      : followsOf(context.em, user.id, context.viewer?.id ?? null, 'followers', args),
  following: async (user, args, context) =>
    (await hidden(context, user.id))
      ? EMPTY
      : followsOf(context.em, user.id, context.viewer?.id ?? null, 'following', args),
  socialCounts: async (user, _args, context) => {
    if (await hidden(context, user.id)) return null;
    const person = await context.loaders.personById.load(user.id);
    return {
      friends: person?.friendCount ?? 0,
      followers: person?.followerCount ?? 0,
      following: person?.followingCount ?? 0,
    };
  },
  mutualFriends: async (user, args, context) =>
    !context.viewer || (await hidden(context, user.id))
      ? EMPTY
      : mutualFriends(context.em, user.id, context.viewer.id, args),
  relationship: async (user, _args, context) =>
    context.viewer && context.viewer.id !== user.id && !(await hidden(context, user.id))
      ? context.loaders.forViewer(context.viewer.id).relationship.load(user.id)
      : null,
  activity: async (user, args, context) =>
    !context.viewer ? EMPTY : userActivity(context.em, context.viewer.id, user.id, args),
};
