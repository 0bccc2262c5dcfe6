import { MediaSchema } from './media';
import { SecretSchema } from './secret';
import { ShareLinkSchema } from './share-link';
import { UploadSchema } from './upload';

export { Media } from './media';
export { Secret } from './secret';
export { ShareLink } from './share-link';
export { Upload } from './upload';

export const entities = [MediaSchema, UploadSchema, ShareLinkSchema, SecretSchema];
