import type { ActivityResolvers, CommentResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { visibleActivity } from '../service/activities';
import { comments, likers } from '../service/interactions';

const reference = (id: string) => ({ id });

export const Activity: ActivityResolvers<Context> = {
  // Through `_entities` too: an activity the caller may not see is null, as if absent.
  __resolveReference: async ({ id }, { viewer, em }) => (viewer ? visibleActivity(em, viewer.id, id) : null),
  actor: (activity) => reference(activity.actorId),
  media: (activity) => activity.mediaIds.map(reference),
  shared: (activity, _args, { viewer, em }) =>
    activity.sharedActivityId && viewer ? visibleActivity(em, viewer.id, activity.sharedActivityId) : null,
  friend: (activity) => (activity.friendId ? reference(activity.friendId) : null),
  likedByMe: (activity, _args, { viewer, loaders }) =>
    viewer ? loaders.forViewer(viewer.id).liked.load(activity.id) : false,
  likers: async (activity, args, { viewer, em }) => {
    const page = await likers(em, activity.id, args, viewer?.id ?? null);
    return {
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: reference(edge.node.userId) })),
      pageInfo: page.pageInfo,
    };
  },
  comments: (activity, args, { viewer, em }) => comments(em, activity.id, null, args, viewer?.id ?? null),
};

export const Comment: CommentResolvers<Context> = {
  author: (comment) => reference(comment.authorId),
  replies: (comment, args, { viewer, em }) =>
    comments(em, comment.activityId, comment.id, args, viewer?.id ?? null),
};
