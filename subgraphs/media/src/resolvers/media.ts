import { canReadPrivate } from '@lattice/subgraph-kit';
import type { MediaResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import type { Media as MediaEntity } from '../entities';
import { listShareLinks } from '../service/share-links';
import { canRead, isPublic } from '../service/access';
import { MediaUrls } from '../service/urls';
import { forbidden } from '@lattice/server-kit';

/** canRead (service/access.ts), the audience shares batched by the request's loader. */
const mayRead = (media: MediaEntity, context: Context) =>
  canRead(media, context.viewer, (viewerId, mediaId) => context.loaders.sharedWith(viewerId).load(mediaId));

const urls = (context: Context) => MediaUrls.for(context.runtime, context.client);

export const Media: MediaResolvers<Context> = {
  // Other domains resolve media here; anything the caller may not see is null, as if absent.
  // An audience's member gets the signed URLs below (url, thumbnailUrl), never originalUrl.
  __resolveReference: async ({ id }, context) => {
    const media = await context.loaders.mediaById.load(id);
    return media && (await mayRead(media, context)) ? media : null;
  },
  owner: (media) => ({ id: media.ownerId }),
  url: (media, _args, context) => {
    if (media.deletedAt) return null;
    // A public media seen by others has its public, cacheable address.
    if (isPublic(media) && !canReadPrivate(context.viewer, media.ownerId))
      return urls(context).public(media, 'file');
    return urls(context).file(media, 'file');
  },
  thumbnailUrl: (media, _args, context) => {
    if (media.deletedAt || !media.thumbnailKey) return null;
    if (isPublic(media) && !canReadPrivate(context.viewer, media.ownerId))
      return urls(context).public(media, 'thumbnail');
    return urls(context).file(media, 'thumbnail');
  },
  originalUrl: (media, _args, context) =>
    media.deletedAt || !media.originalKey || !canReadPrivate(context.viewer, media.ownerId)
      ? null
      : urls(context).file(media, 'original'),
  shareLinks: (media, args, { viewer, em }) => {
    if (viewer?.id !== media.ownerId) throw forbidden('Only the owner sees the share links');
    return listShareLinks(em, media.id, args);
  },
};
