import { requireRole, requireViewer } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { listUsers } from '../service/admin';
import { listSessions } from '../service/sessions';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) => (viewer ? loaders.userById.load(viewer.id) : null),
  sessions: (_parent, args, { viewer, em }) => listSessions(em, requireViewer(viewer).id, args),
  users: (_parent, { filter, search, ...page }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return listUsers(em, filter, search, page);
  },
};
