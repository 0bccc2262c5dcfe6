import { SecretSchema } from '@lattice/subgraph-kit';
import { AudienceMemberSchema } from './audience-member';
import { ErasedUserSchema } from './erased-user';
import { MediaSchema } from './media';
import { MediaShareSchema } from './media-share';
import { PublicationSchema } from './publication';
import { ShareLinkSchema } from './share-link';
import { UploadSchema } from './upload';

export { AudienceMember } from './audience-member';
export { ErasedUser } from './erased-user';
export { Media } from './media';
export { MediaShare } from './media-share';
export { Publication } from './publication';
export { ShareLink } from './share-link';
export { Upload } from './upload';

export const entities = [
  MediaSchema,
  UploadSchema,
  ShareLinkSchema,
  SecretSchema,
  PublicationSchema,
  MediaShareSchema,
  AudienceMemberSchema,
  ErasedUserSchema,
];
