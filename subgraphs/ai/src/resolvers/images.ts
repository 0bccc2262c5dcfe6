import { forbidden } from '@lattice/server-kit';
import { canReadPrivate } from '@lattice/subgraph-kit';
import type { GeneratedImageResolvers, UserResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { listImages } from '../service/images';
import { picosToDollars } from '../service/money';

export const GeneratedImage: GeneratedImageResolvers<Context> = {
  __resolveReference: async ({ id }, { viewer, loaders }) => {
    const image = await loaders.imageById.load(id);
    return image && viewer?.id === image.ownerId ? image : null;
  },
  cost: (image) => picosToDollars(image.costPicos),
  image: (image) => ({ __typename: 'Media', id: image.mediaId }),
};

export const User: UserResolvers<Context> = {
  __resolveReference: ({ id }) => ({ id }),
  generatedImages: (user, args, { viewer, em }) => {
    if (!canReadPrivate(viewer, user.id)) throw forbidden("Only the owner and staff see a user's images");
    return listImages(em, user.id, args);
  },
};
