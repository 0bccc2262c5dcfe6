import { requireViewer } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { findOwnMedia, listMedia } from '../service/library';
import { storageStatistics } from '../service/statistics';
import { findUpload } from '../service/uploads';

export const Query: QueryResolvers<Context> = {
  media: (_parent, { id }, { viewer, em }) => findOwnMedia(em, requireViewer(viewer).id, id),
  myMedia: (_parent, args, { viewer, em }) => listMedia(em, requireViewer(viewer).id, args),
  upload: (_parent, { id }, { viewer, em }) => findUpload(em, requireViewer(viewer).id, id),
  myStorage: (_parent, _args, { viewer, em, runtime }) =>
    storageStatistics(em, runtime, requireViewer(viewer).id),
  // @requiresScopes(admin) lets only admins through the gateway.
  storageStatistics: (_parent, _args, { em, runtime }) => storageStatistics(em, runtime, null),
};
