import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type SiteFileKind = 'PAGE' | 'STYLESHEET' | 'IMAGE';

/**
 * A file of a version: a page or the stylesheet (their checked text), or an image (its bytes
 * in the object storage, under `storageKey`).
 */
export class SiteFile {
  [OptionalProps]?: 'title' | 'content' | 'storageKey';
  versionId!: string;
  path!: string;
  kind!: SiteFileKind;
  title: string | null = null;
  content: string | null = null;
  storageKey: string | null = null;
  bytes!: number;
}

export const SiteFileSchema = new EntitySchema<SiteFile>({
  class: SiteFile,
  tableName: 'site_file',
  properties: {
    versionId: { type: 'uuid', primary: true },
    path: { type: 'string', length: 64, primary: true },
    kind: { type: 'string', length: 12 },
    title: { type: 'string', length: 200, nullable: true },
    content: { type: 'text', nullable: true },
    storageKey: { type: 'string', length: 512, nullable: true },
    bytes: { type: 'integer' },
  },
});
