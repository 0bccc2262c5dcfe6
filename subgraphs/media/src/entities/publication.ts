import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * A use of a media on something public of another domain (`gym:<id>`, `review:<id>`): while
 * one remains, anyone may see the media (`Media.isPublic`).
 */
export class Publication {
  [OptionalProps]?: 'createdAt';
  mediaId!: string;
  use!: string;
  createdAt: Date = new Date();
}

export const PublicationSchema = new EntitySchema<Publication>({
  class: Publication,
  tableName: 'publication',
  properties: {
    mediaId: { type: 'uuid', primary: true },
    use: { type: 'string', length: 100, primary: true },
    createdAt: { type: 'datetime' },
  },
});
