import { randomUUID } from 'node:crypto';
import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * An upload prepared by `createUpload`: its bytes are staged (tus) until the last one
 * arrives, then checked and stored as a Media. Its declared size is reserved against the
 * owner's storage until then. Rejected or expired, it is removed with what was staged.
 */
export class Upload {
  [OptionalProps]?: 'id' | 'createdAt' | 'mediaId';
  id: string = randomUUID();
  ownerId!: string;
  /** Sanitised from the client's name; its extension follows the detected type when stored. */
  filename!: string;
  declaredContentType!: string;
  /** Bytes declared, exactly what must arrive; reserved against the owner's storage. */
  size!: number;
  expiresAt!: Date;
  createdAt: Date = new Date();
  /** The media it became (kept a while after, so `upload(id)` can answer). */
  mediaId: string | null = null;
}

export const UploadSchema = new EntitySchema<Upload>({
  class: Upload,
  tableName: 'upload',
  indexes: [{ properties: ['ownerId', 'expiresAt'] }, { properties: ['expiresAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid' },
    filename: { type: 'string', length: 255 },
    declaredContentType: { type: 'string', length: 255 },
    size: { type: new BigIntType('number') },
    expiresAt: { type: 'datetime' },
    createdAt: { type: 'datetime' },
    mediaId: { type: 'uuid', nullable: true },
  },
});
