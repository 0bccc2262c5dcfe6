import type { UploadResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { receivedBytes } from '../service/uploads';
import { MediaUrls } from '../service/urls';

export const Upload: UploadResolvers<Context> = {
  url: (upload, _args, { runtime, client }) => MediaUrls.for(runtime, client).upload(upload),
  offset: (upload, _args, { runtime }) => receivedBytes(runtime, upload),
  media: (upload, _args, { loaders }) => (upload.mediaId ? loaders.mediaById.load(upload.mediaId) : null),
};
