import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * A media shared, for a use of another domain (`ticket:<id>`), with an audience: anyone in it
 * may read the media (see audience-member.ts for who is in one).
 */
export class MediaShare {
  [OptionalProps]?: 'createdAt';
  mediaId!: string;
  use!: string;
  /** `user:<id>` (that user alone) or a named audience (`support-agents`). */
  audience!: string;
  createdAt: Date = new Date();
}

export const MediaShareSchema = new EntitySchema<MediaShare>({
  class: MediaShare,
  tableName: 'media_share',
  indexes: [{ properties: ['use'] }],
  properties: {
    mediaId: { type: 'uuid', primary: true },
    use: { type: 'string', length: 100, primary: true },
    audience: { type: 'string', length: 100, primary: true },
    createdAt: { type: 'datetime' },
  },
});
