import { SecretSchema } from '@lattice/subgraph-kit';
import { MediaSchema } from './media';
import { PublicationSchema } from './publication';
import { ShareLinkSchema } from './share-link';
import { UploadSchema } from './upload';

export { Media } from './media';
export { Publication } from './publication';
export { ShareLink } from './share-link';
export { Upload } from './upload';

export const entities = [MediaSchema, UploadSchema, ShareLinkSchema, SecretSchema, PublicationSchema];
