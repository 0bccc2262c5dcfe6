import { randomUUID } from 'node:crypto';
import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/postgresql';
import type { MediaType } from '../service/files';

/**
 * A stored file: the served variant (an optimised image, or the file as uploaded), and for
 * images a thumbnail and, when configured, the original. Sizes are PostgreSQL bigints read as
 * JS numbers (exact up to 2^53 − 1).
 */
export class Media {
  [OptionalProps]?:
    | 'id'
    | 'width'
    | 'height'
    | 'blurhash'
    | 'thumbnailKey'
    | 'thumbnailSize'
    | 'originalKey'
    | 'originalContentType'
    | 'originalSize'
    | 'isAvatar'
    | 'isPublic'
    | 'createdAt'
    | 'deletedAt'
    | 'purgeAt';
  id: string = randomUUID();
  ownerId!: string;
  filename!: string;
  type!: MediaType;
  contentType!: string;
  /** Bytes of the served variant. */
  size!: number;
  /** `sha256:<hex>` of the bytes as uploaded. */
  checksum!: string;
  width: number | null = null;
  height: number | null = null;
  blurhash: string | null = null;
  storageKey!: string;
  thumbnailKey: string | null = null;
  thumbnailSize: number | null = null;
  originalKey: string | null = null;
  originalContentType: string | null = null;
  originalSize: number | null = null;
  /** Every byte stored for it: what counts against the owner's storage. */
  storedBytes!: number;
  /** The owner's avatar: readable by anyone (one per user at most). */
  isAvatar: boolean = false;
  /** Shown with something public of another domain (a gym's pictures): readable by anyone. */
  isPublic: boolean = false;
  createdAt: Date = new Date();
  deletedAt: Date | null = null;
  purgeAt: Date | null = null;
}

const bytes = () => ({ type: new BigIntType('number') });

export const MediaSchema = new EntitySchema<Media>({
  class: Media,
  tableName: 'media',
  indexes: [
    { properties: ['ownerId', 'createdAt', 'id'] },
    {
      name: 'media_purge_at_index',
      expression:
        'create index "media_purge_at_index" on "media"."media" ("purge_at") where "purge_at" is not null',
    },
  ],
  uniques: [
    {
      name: 'media_one_avatar_per_owner',
      expression:
        'create unique index "media_one_avatar_per_owner" on "media"."media" ("owner_id") where "is_avatar"',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid' },
    filename: { type: 'string', length: 255 },
    type: { type: 'string', length: 16 },
    contentType: { type: 'string', length: 100 },
    size: bytes(),
    checksum: { type: 'string', length: 80 },
    width: { type: 'integer', nullable: true },
    height: { type: 'integer', nullable: true },
    blurhash: { type: 'string', length: 100, nullable: true },
    storageKey: { type: 'string', length: 512 },
    thumbnailKey: { type: 'string', length: 512, nullable: true },
    thumbnailSize: { ...bytes(), nullable: true },
    originalKey: { type: 'string', length: 512, nullable: true },
    originalContentType: { type: 'string', length: 100, nullable: true },
    originalSize: { ...bytes(), nullable: true },
    storedBytes: bytes(),
    isAvatar: { type: 'boolean', default: false },
    isPublic: { type: 'boolean', default: false },
    createdAt: { type: 'datetime' },
    deletedAt: { type: 'datetime', nullable: true },
    purgeAt: { type: 'datetime', nullable: true },
  },
});
