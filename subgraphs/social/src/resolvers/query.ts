import { requireViewer } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { requireVisible } from '../service/activities';
import { discoverFeed, homeFeed, trending } from '../service/feeds';
import { friendRequests } from '../service/lists';
import { peopleYouMayKnow, searchPeople } from '../service/suggestions';

export const Query: QueryResolvers<Context> = {
  homeFeed: (_parent, page, { viewer, em, runtime }) =>
    homeFeed(em, runtime.settings, requireViewer(viewer).id, page),
  discoverFeed: (_parent, page, { viewer, em }) => discoverFeed(em, requireViewer(viewer).id, page),
  trending: (_parent, { first }, { viewer, em, runtime }) =>
    trending(em, requireViewer(viewer).id, first ?? 20, runtime.now()),
  activity: (_parent, { id }, { viewer, em }) => requireVisible(em, requireViewer(viewer).id, id),
  friendRequests: (_parent, { incoming, ...page }, { viewer, em }) =>
    friendRequests(em, requireViewer(viewer).id, incoming ?? true, page),
  peopleYouMayKnow: (_parent, { first }, { viewer, em }) =>
    peopleYouMayKnow(em, requireViewer(viewer).id, first ?? 10),
  searchPeople: (_parent, { text, ...page }, { viewer, em }) =>
    searchPeople(em, requireViewer(viewer).id, text, page),
};
