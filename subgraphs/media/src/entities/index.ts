import { SecretSchema } from '@lattice/subgraph-kit';
import { MediaSchema } from './media';
import { ShareLinkSchema } from './share-link';
import { UploadSchema } from './upload';

export { Media } from './media';
export { ShareLink } from './share-link';
export { Upload } from './upload';

export const entities = [MediaSchema, UploadSchema, ShareLinkSchema, SecretSchema];
