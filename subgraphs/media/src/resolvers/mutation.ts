import { requireViewer } from '@lattice/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { deleteMedia, findOwnMedia, purgeMedia, restoreMedia, setAvatar } from '../service/library';
import { createShareLink, revokeShareLink } from '../service/share-links';
import { cancelUpload, createUploads } from '../service/uploads';
import { MediaUrls } from '../service/urls';

// Every mutation acts for the caller: none takes a user id.
export const Mutation: MutationResolvers<Context> = {
  createUpload: async (_parent, { input }, { viewer, em, runtime }) =>
    (await createUploads(em, runtime, requireViewer(viewer).id, [input]))[0]!,
  createUploads: (_parent, { inputs }, { viewer, em, runtime }) =>
    createUploads(em, runtime, requireViewer(viewer).id, inputs),
  cancelUpload: (_parent, { id }, { viewer, em, runtime }) =>
    cancelUpload(em, runtime, requireViewer(viewer).id, id),
  deleteMedia: (_parent, { id }, { viewer, em, runtime }) =>
    deleteMedia(em, runtime, requireViewer(viewer).id, id),
  restoreMedia: (_parent, { id }, { viewer, em }) => restoreMedia(em, requireViewer(viewer).id, id),
  purgeMedia: async (_parent, { id }, { viewer, em, runtime }) =>
    purgeMedia(em, runtime, await findOwnMedia(em, requireViewer(viewer).id, id)),
  createShareLink: (_parent, { mediaId, expiresInSeconds }, { viewer, em, runtime }) =>
    createShareLink(em, runtime, requireViewer(viewer).id, mediaId, expiresInSeconds ?? 3600),
  revokeShareLink: (_parent, { id }, { viewer, em, runtime }) =>
    revokeShareLink(em, runtime, requireViewer(viewer).id, id),
  setAvatar: (_parent, { mediaId }, { viewer, em, runtime, client }) =>
    setAvatar(em, requireViewer(viewer).id, mediaId, (media) =>
      MediaUrls.for(runtime, client).public(media, 'file'),
    ),
};
