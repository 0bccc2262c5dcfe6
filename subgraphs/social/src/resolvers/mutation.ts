import { requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { deleteActivity, post, setVisibility, share } from '../service/activities';
import * as graph from '../service/graph';
import { comment, deleteComment, like, unlike } from '../service/interactions';
import { otherUser } from '../service/validation';

/** The caller and the other user of a relationship mutation (never themself). */
const pair = (context: Context, userId: string) => {
  const viewerId = requireViewer(context.viewer).id;
  return { viewerId, other: otherUser(viewerId, userId) };
};

export const Mutation: MutationResolvers<Context> = {
  sendFriendRequest: (_parent, { userId }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.sendFriendRequest(context.em, context.runtime, viewerId, other);
  },
  respondToFriendRequest: (_parent, { userId, accept }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.respondToFriendRequest(context.em, context.runtime, viewerId, other, accept);
  },
  cancelFriendRequest: (_parent, { userId }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.cancelFriendRequest(context.em, viewerId, other);
  },
  unfriend: (_parent, { userId }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.unfriend(context.em, viewerId, other);
  },
  follow: (_parent, { userId }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.follow(context.em, context.runtime, viewerId, other);
  },
  unfollow: (_parent, { userId }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.unfollow(context.em, viewerId, other);
  },
  block: (_parent, { userId }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.block(context.em, viewerId, other, context.runtime.now());
  },
  unblock: (_parent, { userId }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.unblock(context.em, viewerId, other);
  },
  mute: (_parent, { userId }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.mute(context.em, viewerId, other, true, context.runtime.now());
  },
  unmute: (_parent, { userId }, context) => {
    const { viewerId, other } = pair(context, userId);
    return graph.mute(context.em, viewerId, other, false, context.runtime.now());
  },
  post: (_parent, { input }, { viewer, em, runtime }) => post(em, runtime, requireViewer(viewer).id, input),
  setActivityVisibility: (_parent, { id, visibility }, { viewer, em }) =>
    setVisibility(em, requireViewer(viewer).id, id, visibility),
  deleteActivity: (_parent, { id }, { viewer, em }) => deleteActivity(em, requireViewer(viewer).id, id),
  like: (_parent, { activityId }, { viewer, em, runtime }) =>
    like(em, runtime, requireViewer(viewer).id, activityId),
  unlike: (_parent, { activityId }, { viewer, em }) => unlike(em, requireViewer(viewer).id, activityId),
  comment: (_parent, args, { viewer, em, runtime }) => comment(em, runtime, requireViewer(viewer).id, args),
  deleteComment: (_parent, { id }, { viewer, em }) => deleteComment(em, requireViewer(viewer).id, id),
  share: (_parent, { activityId, ...input }, { viewer, em, runtime }) =>
    share(em, runtime, requireViewer(viewer).id, activityId, input),
};
