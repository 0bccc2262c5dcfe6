import type { ShareLinkResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { MediaUrls } from '../service/urls';

export const ShareLink: ShareLinkResolvers<Context> = {
  // Links are their owner's alone.
  __resolveReference: async ({ id }, { viewer, loaders }) => {
    const link = await loaders.shareLinkById.load(id);
    return link && viewer?.id === link.ownerId ? link : null;
  },
  media: async (link, _args, { loaders }) => (await loaders.mediaById.load(link.mediaId))!,
  url: (link, _args, { runtime, client }) => MediaUrls.for(runtime, client).share(link),
};
